using A = Routing.Barriers.BarrierAction;
using S = Routing.Barriers.BarrierStatus;

namespace Routing.Barriers.Tests;

public sealed class LifecycleTests
{
    /// <summary>Every (status, action) pair: allowed or not, and the status after.</summary>
    public static TheoryData<BarrierStatus, BarrierAction, bool, BarrierStatus> Table => new()
    {
        { S.Reported, A.Verified, true, S.Verified },
        { S.Reported, A.Rejected, true, S.Rejected },
        { S.Reported, A.Resolved, false, S.Reported },
        { S.Reported, A.Edited, true, S.Reported },
        { S.Reported, A.Created, false, S.Reported },
        { S.Verified, A.Resolved, true, S.Resolved },
        { S.Verified, A.Rejected, true, S.Rejected },
        { S.Verified, A.Verified, false, S.Verified },
        { S.Verified, A.Edited, true, S.Verified },
        { S.Resolved, A.Verified, false, S.Resolved },
        { S.Resolved, A.Resolved, false, S.Resolved },
        { S.Resolved, A.Rejected, false, S.Resolved },
        { S.Resolved, A.Edited, false, S.Resolved },
        { S.Rejected, A.Verified, false, S.Rejected },
        { S.Rejected, A.Resolved, false, S.Rejected },
        { S.Rejected, A.Rejected, false, S.Rejected },
        { S.Rejected, A.Edited, false, S.Rejected },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void The_state_machine_allows_exactly_the_documented_transitions(BarrierStatus from, BarrierAction action, bool allowed, BarrierStatus to)
    {
        Assert.Equal(allowed, BarrierLifecycle.TryApply(from, action, out var after));
        Assert.Equal(to, after);
    }

    [Fact]
    public void Planners_reports_start_verified_citizens_reports_wait_and_admins_create_none()
    {
        Assert.Equal(S.Verified, BarrierLifecycle.InitialStatus(ApiKeyRole.Planner));
        Assert.Equal(S.Reported, BarrierLifecycle.InitialStatus(ApiKeyRole.Reporter));
        Assert.Throws<ArgumentOutOfRangeException>(() => BarrierLifecycle.InitialStatus(ApiKeyRole.Admin));
    }

    [Fact]
    public void Final_states_allow_nothing()
    {
        Assert.Empty(BarrierLifecycle.AllowedActions(S.Resolved));
        Assert.Empty(BarrierLifecycle.AllowedActions(S.Rejected));
        Assert.Equal([A.Verified, A.Rejected, A.Edited], BarrierLifecycle.AllowedActions(S.Reported));
        Assert.Equal([A.Resolved, A.Rejected, A.Edited], BarrierLifecycle.AllowedActions(S.Verified));
    }

    [Fact]
    public void Only_verified_reports_inside_their_window_count()
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var open = ValidityWindow.Always;
        var current = new ValidityWindow(now.AddHours(-1), now.AddHours(1));
        var future = new ValidityWindow(now.AddMinutes(1), null);
        var ended = new ValidityWindow(null, now);

        Assert.True(BarrierLifecycle.Counts(S.Verified, open, now));
        Assert.True(BarrierLifecycle.Counts(S.Verified, current, now));
        Assert.False(BarrierLifecycle.Counts(S.Verified, future, now));
        Assert.False(BarrierLifecycle.Counts(S.Verified, ended, now), "until is exclusive");
        Assert.True(BarrierLifecycle.Counts(S.Verified, new ValidityWindow(now, null), now), "from is inclusive");
        foreach (var status in new[] { S.Reported, S.Resolved, S.Rejected })
        {
            Assert.False(BarrierLifecycle.Counts(status, open, now));
        }
        Assert.True(BarrierLifecycle.Pending(S.Reported, current, now));
        Assert.False(BarrierLifecycle.Pending(S.Reported, ended, now));
        Assert.False(BarrierLifecycle.Pending(S.Verified, open, now));
    }

    [Fact]
    public void A_window_knows_when_it_next_changes()
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(now.AddHours(1), new ValidityWindow(now.AddHours(1), now.AddHours(2)).NextChangeAfter(now));
        Assert.Equal(now.AddHours(2), new ValidityWindow(now.AddHours(-1), now.AddHours(2)).NextChangeAfter(now));
        Assert.Null(new ValidityWindow(now.AddHours(-1), null).NextChangeAfter(now));
        Assert.Null(new ValidityWindow(null, now).NextChangeAfter(now));
    }

    [Fact]
    public void Permissions_match_the_access_matrix()
    {
        Assert.True(BarrierPermissions.CanCreate(ApiKeyRole.Reporter));
        Assert.True(BarrierPermissions.CanCreate(ApiKeyRole.Planner));
        Assert.False(BarrierPermissions.CanCreate(ApiKeyRole.Admin));
        Assert.False(BarrierPermissions.CanModerate(ApiKeyRole.Reporter));
        Assert.True(BarrierPermissions.CanModerate(ApiKeyRole.Planner));
        Assert.False(BarrierPermissions.CanModerate(ApiKeyRole.Admin));
        Assert.False(BarrierPermissions.CanManageKeys(ApiKeyRole.Planner));
        Assert.True(BarrierPermissions.CanManageKeys(ApiKeyRole.Admin));
        Assert.False(BarrierPermissions.CanSeeHistoryActors(null));
        Assert.False(BarrierPermissions.CanSeeHistoryActors(TestData.Citizen));
        Assert.True(BarrierPermissions.CanSeeHistoryActors(TestData.Admin));
    }

    [Theory]
    [InlineData("elevator_out_of_service")]
    [InlineData("missing_kerb_ramp")]
    [InlineData("surface_damage")]
    public void Kind_names_are_snake_case_and_round_trip(string name)
    {
        Assert.True(BarrierNames.TryParse<Routing.Engine.Barriers.ReportedBarrierKind>(name, out var kind));
        Assert.Equal(name, BarrierNames.Name(kind));
        Assert.False(BarrierNames.TryParse<Routing.Engine.Barriers.ReportedBarrierKind>(name.ToUpperInvariant(), out _));
        Assert.False(BarrierNames.TryParse<Routing.Engine.Barriers.ReportedBarrierKind>("3", out _));
    }
}
