using Routing.Engine.Barriers;
using System.Globalization;
using Routing.Texts;

namespace Routing.Engine.Routes;

/// <summary>
/// The route's user-facing sentences (instructions, warnings, blocker messages) by key, from the "route" section of
/// the translation files (<see cref="Translations"/>): a language is a file, never a code change here. Placeholders
/// are positional (<c>{0}</c>, <c>{1}</c> ...) and receive already formatted strings: numbers go through
/// <see cref="Number"/> first, because the service runs with invariant globalization and German wants a decimal comma.
/// </summary>
internal static class RouteTexts
{
    /// <summary>The language of a request's code ("de", "de-AT"); English for a code without a file.</summary>
    public static TextLanguage LanguageOf(string code) => Translations.Of(code);

    public static bool Has(string key) => Translations.English.Has("route." + key);

    public static string Get(string key, TextLanguage language) => language.Get("route." + key);

    public static string Format(string key, TextLanguage language, params string[] args) => language.Format("route." + key, args);

    /// <summary>An OSM surface value in words ("sett" is "cut cobblestones"); the value itself only if no file knows it.</summary>
    public static string Surface(string osmValue, TextLanguage language) => language.Find("surface." + osmValue) ?? osmValue;

    /// <summary>An OSM smoothness value in words ("very_horrible" is "very rough"); the value itself only if no file knows it.</summary>
    public static string Smoothness(string osmValue, TextLanguage language) => language.Find("smoothness." + osmValue) ?? osmValue;

    /// <summary>An instant as people in both languages read it, in UTC: "2026-12-07 04:12 UTC".</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>
    /// "elevator at Heidelberg Hbf: working, checked 2 min ago": what a live elevator on the route is doing, its age
    /// counted from <paramref name="now"/> in whole minutes.
    /// </summary>
    public static string ElevatorStatus(LiveElevator live, DateTimeOffset now, TextLanguage language)
    {
        string state = live.State switch
        {
            LiveElevatorState.Working => Get("elevator.working", language),
            LiveElevatorState.OutOfService => Format("elevator.out_of_service", language, Instant(live.Since)),
            _ => Get("elevator.unknown", language),
        };
        long minutes = Math.Max(0, (long)Math.Floor((now - live.CheckedAt).TotalMinutes));
        return Format("warning.elevator_status", language, live.Name, state, minutes.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A number with the language's decimal separator (<paramref name="format"/> as in .NET, e.g. "0.0").</summary>
    public static string Number(double value, string format, TextLanguage language) => language.Number(value, format);
}
