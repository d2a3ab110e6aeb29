namespace Routing.Transit.Timetables;

/// <summary>
/// Which services run on a day: <c>calendar.txt</c> (weekdays between two dates) with the exceptions of
/// <c>calendar_dates.txt</c> (1 added, 2 removed), which win over the weekly rule.
/// </summary>
public sealed class ServiceCalendar
{
    private readonly byte[] _weekdays;
    private readonly int[] _startDay;
    private readonly int[] _endDay;
    private readonly Dictionary<(int Service, int Day), bool> _exceptions;

    /// <param name="weekdays">Per service, bit d set when it runs on <see cref="DayOfWeek"/> d (0 Sunday).</param>
    /// <param name="startDay">Per service, the first day (<see cref="DateOnly.DayNumber"/>) of its calendar row; int.MaxValue without one.</param>
    /// <param name="exceptions">(service, day number) -> true added, false removed.</param>
    public ServiceCalendar(string[] serviceIds, byte[] weekdays, int[] startDay, int[] endDay, Dictionary<(int Service, int Day), bool> exceptions)
    {
        ServiceIds = serviceIds;
        _weekdays = weekdays;
        _startDay = startDay;
        _endDay = endDay;
        _exceptions = exceptions;
    }

    public string[] ServiceIds { get; }

    /// <summary>The calendar's rows as the constructor took them: what the timetable file stores.</summary>
    internal (byte[] Weekdays, int[] StartDay, int[] EndDay, Dictionary<(int Service, int Day), bool> Exceptions) Rows =>
        (_weekdays, _startDay, _endDay, _exceptions);

    public int Count => ServiceIds.Length;

    public bool RunsOn(int service, DateOnly day)
    {
        if (_exceptions.TryGetValue((service, day.DayNumber), out bool added))
        {
            return added;
        }
        return day.DayNumber >= _startDay[service] && day.DayNumber <= _endDay[service] && (_weekdays[service] & (1 << (int)day.DayOfWeek)) != 0;
    }

    /// <summary>Per service, whether it runs on <paramref name="day"/>: what a search filters trips with.</summary>
    public bool[] ActiveOn(DateOnly day)
    {
        var active = new bool[Count];
        for (int s = 0; s < active.Length; s++)
        {
            active[s] = RunsOn(s, day);
        }
        return active;
    }
}
