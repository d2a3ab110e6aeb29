using Routing.Engine.Barriers;
using System.Globalization;

namespace Routing.Engine.Routes;

/// <summary>The languages route descriptions are written in.</summary>
internal enum TextLanguage
{
    English,
    German,
}

/// <summary>
/// Every user-facing sentence of a route (instructions, warnings, blocker messages) in one table, one row per key with
/// the English and the German text, so that a new text cannot be added in one language only. Placeholders are
/// positional (<c>{0}</c>, <c>{1}</c> ...) and receive already formatted strings: numbers go through
/// <see cref="Number"/> first, because the service runs with invariant globalization and German wants a decimal comma.
/// </summary>
internal static class RouteTexts
{
    private static readonly Dictionary<string, (string En, string De)> Table = new(StringComparer.Ordinal)
    {
        // Compass directions for "depart".
        ["compass.north"] = ("north", "Norden"),
        ["compass.northeast"] = ("northeast", "Nordosten"),
        ["compass.east"] = ("east", "Osten"),
        ["compass.southeast"] = ("southeast", "Südosten"),
        ["compass.south"] = ("south", "Süden"),
        ["compass.southwest"] = ("southwest", "Südwesten"),
        ["compass.west"] = ("west", "Westen"),
        ["compass.northwest"] = ("northwest", "Nordwesten"),
        ["side.left"] = ("left", "links"),
        ["side.right"] = ("right", "rechts"),

        // Where to move a waypoint the profile cannot route from: {0} metres, {1} a compass direction, {2} the way, {3} the via point's number.
        ["move.start"] = ("start {0} m {1}, at {2}, has a route", "Start {0} m Richtung {1} ({2}) hat eine Route"),
        ["move.destination"] = ("destination {0} m {1}, at {2}, has a route", "Ziel {0} m Richtung {1} ({2}) hat eine Route"),
        ["move.via"] = ("via point {3} {0} m {1}, at {2}, has a route", "Zwischenziel {3} {0} m Richtung {1} ({2}) hat eine Route"),
        ["move.way"] = ("way {0}", "Weg {0}"),

        // Instructions. The way comes with its German article and case (WayNames): "auf der Hauptstraße" where one is,
        // "auf die Hauptstraße" where one goes.
        ["depart"] = ("Head {0} on {1}", "Starten Sie Richtung {0} auf {1}"),
        ["continue"] = ("Continue onto {0}", "Weiter auf {0}"),
        ["slight"] = ("Bear slightly {0} onto {1}", "Halten Sie sich leicht {0} auf {1}"),
        ["turn"] = ("Turn {0} onto {1}", "Biegen Sie {0} ab auf {1}"),
        ["sharp"] = ("Turn sharp {0} onto {1}", "Biegen Sie scharf {0} ab auf {1}"),
        // A turn at a junction that keeps the street one is on.
        ["slight_stay"] = ("Bear slightly {0} to stay on {1}", "Halten Sie sich leicht {0}, um auf {1} zu bleiben"),
        ["turn_stay"] = ("Turn {0} to stay on {1}", "Biegen Sie {0} ab, um auf {1} zu bleiben"),
        ["sharp_stay"] = ("Turn sharp {0} to stay on {1}", "Biegen Sie scharf {0} ab, um auf {1} zu bleiben"),
        ["cross.marked"] = ("Cross the street at the marked crossing", "Überqueren Sie die Straße am Zebrastreifen"),
        ["cross.traffic_signals"] = ("Cross the street at the traffic lights", "Überqueren Sie die Straße an der Ampel"),
        ["cross.unmarked"] = ("Cross the street at the unmarked crossing", "Überqueren Sie die Straße an der ungesicherten Querung"),
        ["cross.unknown"] = ("Cross the street", "Überqueren Sie die Straße"),
        ["cross.traffic_signals_sound"] = ("Cross the street at the traffic lights with sound signals", "Überqueren Sie die Straße an der Ampel mit Tonsignal"),
        ["steep.up"] = ("Steep uphill: up to {0} % for {1} m", "Steil bergauf: bis {0} % auf {1} m"),
        ["steep.down"] = ("Steep downhill: up to {0} % for {1} m", "Steil bergab: bis {0} % auf {1} m"),
        // Two things said at one place: a crossing and its kerb.
        ["joined"] = ("{0} – {1}", "{0} – {1}"),
        ["kerb.unknown"] = ("Kerb, {0}", "Bordstein, {0}"),
        ["kerb.flush"] = ("Flush kerb, {0}", "Niveaugleicher Bordstein, {0}"),
        ["kerb.lowered"] = ("Lowered kerb, {0}", "Abgesenkter Bordstein, {0}"),
        ["kerb.rolled"] = ("Rolled kerb, {0}", "Abgerundeter Bordstein, {0}"),
        ["kerb.raised"] = ("Raised kerb, {0}", "Hoher Bordstein, {0}"),
        ["height_unknown"] = ("height unknown", "Höhe unbekannt"),
        ["elevator"] = ("Take the elevator", "Nehmen Sie den Aufzug"),
        ["ramp"] = ("Use the ramp beside the steps", "Nutzen Sie die Rampe neben der Treppe"),
        ["steps"] = ("Take the steps", "Nehmen Sie die Treppe"),
        ["steps.up"] = ("Take the steps up", "Nehmen Sie die Treppe nach oben"),
        ["steps.down"] = ("Take the steps down", "Nehmen Sie die Treppe nach unten"),
        ["via"] = ("You have reached via point {0}", "Sie haben Zwischenziel {0} erreicht"),
        ["arrive"] = ("You have arrived", "Sie haben Ihr Ziel erreicht"),

        // Descriptions of unnamed ways, keyed by the highway kind in OSM spelling (accusative in German).
        ["way.other"] = ("the way", "den Weg"),
        // An unnamed way by the named street it runs beside: {0} the way's description, {1} the street (German: dative).
        ["way.along"] = ("{0} along {1}", "{0} an {1}"),
        ["way.footway"] = ("the footway", "den Fußweg"),
        ["way.sidewalk"] = ("the sidewalk", "den Gehweg"),
        ["way.crossing"] = ("the crossing", "den Überweg"),
        ["way.pedestrian"] = ("the pedestrian street", "die Fußgängerzone"),
        ["way.pedestrian_area"] = ("the square", "den Platz"),
        ["way.path"] = ("the path", "den Pfad"),
        ["way.cycleway"] = ("the cycle path", "den Radweg"),
        ["way.bridleway"] = ("the bridleway", "den Reitweg"),
        ["way.living_street"] = ("the living street", "die Spielstraße"),
        ["way.residential"] = ("the street", "die Straße"),
        ["way.service"] = ("the service road", "die Zufahrt"),
        ["way.track"] = ("the track", "den Feldweg"),
        ["way.unclassified"] = ("the road", "die Straße"),
        ["way.tertiary"] = ("the road", "die Straße"),
        // Not "die Hauptstraße": that is a street's name in most German towns (Heidelberg's is 2 km long).
        ["way.secondary"] = ("the main road", "die Hauptverkehrsstraße"),
        ["way.primary"] = ("the main road", "die Hauptverkehrsstraße"),
        ["way.trunk"] = ("the main road", "die Hauptverkehrsstraße"),
        ["way.steps"] = ("the steps", "die Treppe"),
        ["way.elevator"] = ("the elevator", "den Aufzug"),
        ["way.corridor"] = ("the corridor", "den Gang"),
        ["way.platform"] = ("the platform", "den Bahnsteig"),
        ["way.construction"] = ("the construction site", "die Baustelle"),

        // Barriers, keyed by their OSM spelling.
        ["barrier.none"] = ("barrier", "Hindernis"),
        ["barrier.kerb"] = ("kerb", "Bordstein"),
        ["barrier.stile"] = ("stile", "Zauntritt"),
        ["barrier.kissing_gate"] = ("kissing gate", "Drehgatter"),
        ["barrier.turnstile"] = ("turnstile", "Drehkreuz"),
        ["barrier.full_height_turnstile"] = ("full-height turnstile", "Drehsperre"),
        ["barrier.block"] = ("block", "Steinblock"),
        ["barrier.step"] = ("step", "Stufe"),
        ["barrier.cycle_barrier"] = ("cycle barrier", "Umlaufsperre"),
        ["barrier.swing_gate"] = ("swing gate", "Schwenkschranke"),
        ["barrier.bollard"] = ("bollard", "Poller"),
        ["barrier.gate"] = ("gate", "Tor"),
        ["barrier.lift_gate"] = ("lift gate", "Schranke"),
        ["barrier.chain"] = ("chain", "Kette"),
        ["barrier.entrance"] = ("entrance", "Eingang"),
        ["barrier.door"] = ("door", "Tür"),
        ["barrier.log"] = ("log", "Baumstamm"),
        ["barrier.motorcycle_barrier"] = ("motorcycle barrier", "Motorradsperre"),
        ["barrier.other"] = ("barrier", "Hindernis"),

        // Warnings, keyed by their type.
        ["warning.unknown_surface"] = ("Surface unknown for {0} m{1}", "Oberfläche auf {0} m{1} unbekannt"),
        ["warning.unknown_width"] = ("Width unknown for {0} m of the route", "Breite auf {0} m der Strecke unbekannt"),
        ["warning.unknown_incline"] = ("Incline unknown for {0} m of the route", "Steigung auf {0} m der Strecke unbekannt"),
        ["warning.unknown_kerb"] = ("Kerb of unknown height to cross", "Bordstein unbekannter Höhe zu überqueren"),
        ["warning.steep.up"] = ("Steep uphill stretch: {0} % for {1} m", "Steile Steigung: {0} % auf {1} m"),
        ["warning.steep.down"] = ("Steep downhill stretch: {0} % for {1} m", "Steiles Gefälle: {0} % auf {1} m"),
        ["warning.on_name"] = (" on {0}", " auf {0}"),
        ["warning.slope_risk.up"] = ("Uphill for {1} m{2}, estimated {0} % from the terrain model: {4} % chance it is steeper than your {3} %",
            "Bergauf auf {1} m{2}, laut Geländemodell etwa {0} %: mit {4} % Wahrscheinlichkeit steiler als Ihre {3} %"),
        ["warning.slope_risk.down"] = ("Downhill for {1} m{2}, estimated {0} % from the terrain model: {4} % chance it is steeper than your {3} %",
            "Bergab auf {1} m{2}, laut Geländemodell etwa {0} %: mit {4} % Wahrscheinlichkeit steiler als Ihre {3} %"),
        ["warning.rough_surface"] = ("Rough surface ({0}) for {1} m", "Holpriger Belag ({0}) auf {1} m"),
        ["warning.narrow"] = ("Narrow: {0} cm wide for {1} m, your minimum is {2} cm", "Eng: {0} cm breit auf {1} m, Ihr Minimum ist {2} cm"),
        ["warning.narrow_passage"] = ("Narrow passage ({0}): {1} cm, your minimum is {2} cm", "Enge Durchfahrt ({0}): {1} cm, Ihr Minimum ist {2} cm"),
        ["warning.steps"] = ("The route takes steps ({0} m)", "Die Route führt über eine Treppe ({0} m)"),
        ["warning.kerb_near_limit"] = ("Kerb of {0} cm, close to your limit of {1} cm", "Bordstein von {0} cm, nahe an Ihrer Grenze von {1} cm"),
        ["warning.unverified_barrier"] = ("A barrier was reported near here but not yet verified: {0} (report {1})",
            "Hier in der Nähe wurde ein Hindernis gemeldet, aber noch nicht bestätigt: {0} (Meldung {1})"),
        ["warning.elevator_status"] = ("elevator at {0}: {1}, checked {2} min ago", "Aufzug {0}: {1}, geprüft vor {2} Min."),
        ["elevator.working"] = ("working", "in Betrieb"),
        ["elevator.out_of_service"] = ("out of service since {0}", "außer Betrieb seit {0}"),
        ["elevator.unknown"] = ("state unknown", "Zustand unbekannt"),
        ["warning.reported_barrier"] = ("The route passes a reported barrier: {0} (report {1})",
            "Die Route führt über ein gemeldetes Hindernis: {0} (Meldung {1})"),

        // Barrier reports, keyed by their kind in the API's spelling.
        ["report.elevator_out_of_service"] = ("elevator out of service", "Aufzug außer Betrieb"),
        ["report.construction"] = ("construction", "Baustelle"),
        ["report.missing_kerb_ramp"] = ("missing kerb ramp", "fehlende Bordsteinabsenkung"),
        ["report.high_kerb"] = ("high kerb", "hoher Bordstein"),
        ["report.blocked_path"] = ("blocked path", "versperrter Weg"),
        ["report.narrow_passage"] = ("narrow passage", "Engstelle"),
        ["report.steep_ramp"] = ("steep ramp", "steile Rampe"),
        ["report.surface_damage"] = ("damaged surface", "beschädigter Belag"),
        ["report.other"] = ("other barrier", "sonstiges Hindernis"),

        // Blockers: {0} is the place, {1} the measured value, {2} the limit.
        ["place.way"] = ("on way {0}", "auf Weg {0}"),
        ["place.way_named"] = ("on way {0} ({1})", "auf Weg {0} ({1})"),
        ["place.node"] = ("at node {0}", "an Knoten {0}"),
        ["blocker.steps"] = ("steps {0}", "Treppe {0}"),
        ["blocker.construction"] = ("construction site {0}", "Baustelle {0}"),
        ["blocker.private_access"] = ("private access {0}", "privater Zugang {0}"),
        ["blocker.no_access"] = ("no access {0}", "kein Zugang {0}"),
        ["blocker.one_way"] = ("one-way against the direction of travel {0}", "Einbahnweg gegen die Gehrichtung {0}"),
        ["blocker.escalator"] = ("escalator {0}", "Rolltreppe {0}"),
        ["blocker.wheelchair_no"] = ("not for wheelchairs (wheelchair=no) {0}", "für Rollstühle ungeeignet (wheelchair=no) {0}"),
        ["blocker.surface"] = ("surface {1} {0} is avoided", "Oberfläche {1} {0} wird gemieden"),
        ["blocker.smoothness"] = ("smoothness {1} {0}, worst accepted {2}", "Ebenheit {1} {0}, schlechteste zulässige {2}"),
        ["blocker.width"] = ("width {1} cm {0}, minimum {2} cm", "Breite {1} cm {0}, Minimum {2} cm"),
        ["blocker.incline_up"] = ("incline {1} % uphill {0}, limit {2} %", "Steigung {1} % bergauf {0}, Grenze {2} %"),
        ["blocker.incline_down"] = ("incline {1} % downhill {0}, limit {2} %", "Gefälle {1} % bergab {0}, Grenze {2} %"),
        ["blocker.kerb"] = ("kerb {1} cm {0}, limit {2} cm", "Bordstein {1} cm {0}, Grenze {2} cm"),
        ["blocker.barrier"] = ("{1} {0}", "{1} {0}"),
        ["blocker.difficult_trail"] = ("mountain trail {0}", "Bergpfad {0}"),
        ["blocker.reported"] = ("{1} reported (report {2}) {0}", "{1} gemeldet (Meldung {2}) {0}"),
        ["blocker.live_elevator"] = ("elevator at {1} out of service since {2} (live status) {0}",
            "Aufzug {1} außer Betrieb seit {2} (Live-Status) {0}"),
        ["blocker.climb"] = ("climb {1} m on the whole route, limit {2} m; the limit is passed {0}",
            "Anstieg {1} m auf der ganzen Route, Grenze {2} m; überschritten {0}"),
        ["blocker.not_connected"] = ("start and destination lie in separate parts of the path network",
            "Start und Ziel liegen in getrennten Teilen des Wegenetzes"),
    };

    /// <summary>All keys, for the completeness tests.</summary>
    public static IEnumerable<string> Keys => Table.Keys;

    /// <summary>German for "de" and its regional forms ("de-AT"), English for everything else.</summary>
    public static TextLanguage LanguageOf(string code) =>
        code.StartsWith("de", StringComparison.OrdinalIgnoreCase) ? TextLanguage.German : TextLanguage.English;

    public static bool Has(string key) => Table.ContainsKey(key);

    public static string Get(string key, TextLanguage language)
    {
        if (!Table.TryGetValue(key, out var row))
        {
            throw new KeyNotFoundException($"No route text for key '{key}'.");
        }
        return language == TextLanguage.German ? row.De : row.En;
    }

    public static string Format(string key, TextLanguage language, params string[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key, language), args);

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
    public static string Number(double value, string format, TextLanguage language)
    {
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        return language == TextLanguage.German ? text.Replace('.', ',') : text;
    }
}
