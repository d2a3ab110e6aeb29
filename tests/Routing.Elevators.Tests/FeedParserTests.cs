using System.Text;
using Routing.Elevators.Feeds;
using Routing.Elevators.Http;
using Routing.Elevators.Store;

namespace Routing.Elevators.Tests;

/// <summary>The three feed kinds behind one interface read their own shapes to the same equipment, and refuse what is no feed.</summary>
public sealed class FeedParserTests
{
    [Fact]
    public void Fasta_reads_elevators_and_skips_escalators_and_entries_without_a_number()
    {
        var found = IElevatorFeedParser.All["fasta"].Parse(Encoding.UTF8.GetBytes("""
            [{"equipmentnumber": 10466085, "type": "ELEVATOR", "description": "zu Gleis 1", "geocoordX": 8.675, "geocoordY": 49.403,
              "state": "INACTIVE", "stateExplanation": "under maintenance", "stationnumber": 2614},
             {"equipmentnumber": 10466090, "type": "ESCALATOR", "state": "ACTIVE"},
             {"type": "ELEVATOR", "state": "ACTIVE"},
             {"equipmentnumber": 7, "type": "ELEVATOR", "state": "MONITORING_DISABLED", "geocoordX": 0, "geocoordY": 0}]
            """));
        Assert.Equal(2, found.Count);
        Assert.Equal(new Equipment("10466085", "zu Gleis 1", "2614", 49.403, 8.675, FeedState.Inactive, "under maintenance", Level: null), found[0]);
        Assert.Equal(FeedState.Unknown, found[1].State);
        Assert.Null(found[1].Lat); // 0,0 is FaSta's "no position"
        Assert.Equal(new Uri("https://db.example/fasta/v2/facilities?type=ELEVATOR"), IElevatorFeedParser.All["fasta"].RequestUri(new Uri("https://db.example/fasta/v2/")));
    }

    [Fact]
    public void Siri_fm_reads_facility_conditions_in_any_namespace()
    {
        var found = IElevatorFeedParser.All["siri-fm"].Parse(Encoding.UTF8.GetBytes("""
            <Siri xmlns="http://www.siri.org.uk/siri" version="2.0"><ServiceDelivery><FacilityMonitoringDelivery>
              <FacilityCondition><FacilityRef>HD-HBF-L1</FacilityRef>
                <Facility><Description>Aufzug Gleis 1</Description><FacilityLocation><Longitude>8.675</Longitude><Latitude>49.403</Latitude></FacilityLocation></Facility>
                <FacilityStatus><Status>notAvailable</Status></FacilityStatus></FacilityCondition>
              <FacilityCondition><FacilityRef>HD-HBF-L2</FacilityRef><FacilityStatus><Status>available</Status></FacilityStatus></FacilityCondition>
              <FacilityCondition><FacilityRef>HD-HBF-L3</FacilityRef><FacilityStatus><Status>partiallyAvailable</Status></FacilityStatus></FacilityCondition>
            </FacilityMonitoringDelivery></ServiceDelivery></Siri>
            """));
        Assert.Equal([FeedState.Inactive, FeedState.Active, FeedState.Unknown], found.Select(e => e.State));
        Assert.Equal(("HD-HBF-L1", "Aufzug Gleis 1", 49.403, 8.675), (found[0].FeedId, found[0].Description, found[0].Lat!.Value, found[0].Lon!.Value));
        Assert.Null(found[1].Lat);
    }

    [Fact]
    public void A11yjson_reads_elevator_features_with_is_working()
    {
        var found = IElevatorFeedParser.All["a11yjson"].Parse(Encoding.UTF8.GetBytes("""
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [8.675, 49.403]},
               "properties": {"_id": "eq1", "category": "elevator", "isWorking": false, "description": "Aufzug Bahnsteig 1"}},
              {"type": "Feature", "properties": {"_id": "eq2", "category": "elevator"}},
              {"type": "Feature", "properties": {"_id": "eq3", "category": "escalator", "isWorking": true}}]}
            """));
        Assert.Equal(2, found.Count);
        Assert.Equal(new Equipment("eq1", "Aufzug Bahnsteig 1", null, 49.403, 8.675, FeedState.Inactive, null, Level: null), found[0]);
        Assert.Equal(FeedState.Unknown, found[1].State);
    }

    [Fact]
    public void Siri_fm_reads_a_numeric_level_ref_of_the_facility_location()
    {
        var found = IElevatorFeedParser.All["siri-fm"].Parse(Encoding.UTF8.GetBytes("""
            <Siri xmlns="http://www.siri.org.uk/siri" xmlns:ifopt="http://www.ifopt.org.uk/ifopt" version="2.0"><ServiceDelivery><FacilityMonitoringDelivery>
              <FacilityCondition><FacilityRef>L1</FacilityRef><Facility><FacilityLocation><ifopt:LevelRef>-1</ifopt:LevelRef></FacilityLocation></Facility>
                <FacilityStatus><Status>available</Status></FacilityStatus></FacilityCondition>
              <FacilityCondition><FacilityRef>L2</FacilityRef><Facility><FacilityLocation><LevelRef> 1.5 </LevelRef></FacilityLocation></Facility>
                <FacilityStatus><Status>available</Status></FacilityStatus></FacilityCondition>
              <FacilityCondition><FacilityRef>L3</FacilityRef><Facility><FacilityLocation><LevelRef>UG</LevelRef></FacilityLocation></Facility>
                <FacilityStatus><Status>available</Status></FacilityStatus></FacilityCondition>
              <FacilityCondition><FacilityRef>L4</FacilityRef><FacilityStatus><Status>available</Status></FacilityStatus></FacilityCondition>
            </FacilityMonitoringDelivery></ServiceDelivery></Siri>
            """));
        Assert.Equal([-1, 1.5, null, null], found.Select(e => e.Level));
    }

    [Fact]
    public void A11yjson_reads_the_level_index_of_the_address()
    {
        var found = IElevatorFeedParser.All["a11yjson"].Parse(Encoding.UTF8.GetBytes("""
            [{"_id": "a", "category": "elevator", "address": {"levelIndex": -2, "levelName": {"de": "2. UG"}}},
             {"_id": "b", "category": "elevator", "address": {"levelName": {"de": "EG"}}},
             {"_id": "c", "category": "elevator", "address": {"levelIndex": "1"}},
             {"_id": "d", "category": "elevator", "address": {"levelIndex": 1e9}},
             {"_id": "e", "category": "elevator"}]
            """));
        Assert.Equal([-2, null, null, null, null], found.Select(e => e.Level));
    }

    [Theory]
    [InlineData("fasta", "")]
    [InlineData("fasta", "{\"equipmentnumber\": 1}")]
    [InlineData("fasta", "[{\"equipmentnumber\": 1, ")]
    [InlineData("siri-fm", "<Siri><unclosed></Siri>")]
    [InlineData("siri-fm", "<!DOCTYPE Siri [<!ENTITY x \"y\">]><Siri>&x;</Siri>")]
    [InlineData("siri-fm", "<NotSiri/>")]
    [InlineData("a11yjson", "\"elevators\"")]
    public void What_is_no_feed_is_refused_whole(string kind, string answer) =>
        Assert.Throws<FeedFormatException>(() => IElevatorFeedParser.All[kind].Parse(Encoding.UTF8.GetBytes(answer)));

    [Fact]
    public void Hours_out_of_service_count_each_outage_until_the_next_change_within_the_window()
    {
        var t0 = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        StateChange[] changes =
        [
            new("a", FeedState.Inactive, t0.AddHours(-5), null),  // began before the window: only its part inside counts
            new("a", FeedState.Active, t0.AddHours(2), null),
            new("a", FeedState.Inactive, t0.AddHours(10), null),
            new("a", FeedState.Unknown, t0.AddHours(13), null),
            new("a", FeedState.Inactive, t0.AddHours(20), null),  // still out at the window's end
        ];
        var (hours, outages) = ElevatorHistory.OutOfService(changes, t0, t0.AddHours(24));
        Assert.Equal(2 + 3 + 4, hours, 9);
        Assert.Equal(2, outages);
    }
}
