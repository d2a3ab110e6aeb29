// The app's own words in English and German. Route instructions, warnings and blockers come from the service in
// the chosen language; these are only the labels around them.
const texts = {
  en: {
    skip: 'Skip to the route planner', title: 'Accessible routes', mode: 'Mode', modePlan: 'Plan a route',
    modePlanner: 'Report barriers (planners)', language: 'Language', panelTitle: 'Route planner',
    points: 'Where from, where to', addVia: 'Add a via point',
    clickHint: 'Click the map to set the start, then the destination. By keyboard: move the map with the arrow keys and use “Map centre”.',
    clickSets: 'A click on the map sets', clickAuto: 'the start, then the destination', clickVia: 'a new via point',
    start: 'Start', destination: 'Destination', via: 'Via point {0}', searchOrCoords: 'Place, street or LAT,LON',
    search: 'Search', mapCentre: 'Map centre', myLocation: 'My location', remove: 'Remove',
    profile: 'Profile', limits: 'Limits (from the profile; change any)',
    smoothnessAny: 'any',
    resetLimits: "Back to the profile's limits", plan: 'Plan the route', route: 'Route',
    plannerTitle: 'Barrier reports', apiKey: 'API key (kept in this tab only)', useKey: 'Use key', forgetKey: 'Forget key',
    newReport: 'New report', shape: 'Shape', shapePoint: 'point', shapeLine: 'line', shapePolygon: 'area',
    reportHint: 'Click the map to add points, or move the map and press “Add map centre”.', addCentre: 'Add map centre',
    undoPoint: 'Remove last point', kind: 'Kind', description: 'Description', validFrom: 'Valid from', validUntil: 'Valid until',
    measuredKerb: 'Measured kerb (cm)', measuredWidth: 'Remaining width (cm)', measuredIncline: 'Measured incline (%)',
    sendReport: 'Send report', reports: 'Reports', status: 'Status', any: 'any', refresh: 'Refresh',
    st_reported: 'reported', st_verified: 'verified', st_resolved: 'resolved', st_rejected: 'rejected',
    mapTitle: 'Map', mapHelp: 'Focus the map to move it with the arrow keys and zoom with plus and minus; the cross marks the map centre.',
    mapKeys: 'Map by keyboard', centreStart: 'Start at map centre', centreTo: 'Destination at map centre',
    centreVia: 'Via point at map centre', legend: 'Legend', mapLabel: 'Map of accessible ways. Arrow keys move it, plus and minus zoom.',
    distance: 'Distance', duration: 'Duration', climb: 'Climb', descent: 'Descent', unknownShare: 'On unknown data',
    instructions: 'Instructions', warnings: 'Warnings', noWarnings: 'No warnings.', downloads: 'Download',
    gpx: 'GPX track', geojson: 'GeoJSON', elevation: 'Elevation profile',
    elevationText: 'Height from {0} m at the start to {1} m at the end; lowest {2} m, highest {3} m; climb {4} m, descent {5} m.',
    noElevation: 'No heights for this route (the map has no terrain model here).',
    flat: 'The route is flat: its heights differ by {0} m at most.',
    sheetGrow: 'Show more of the planner', sheetShrink: 'Show more of the map',
    planning: 'Planning the route…', planned: 'Route found: {0}, {1}, {2} instructions.',
    noRoute: 'No route for these limits.', blockers: 'What blocks the way', lift: 'Allow this: {0} = {1}',
    noLift: 'No limit to change: the way itself is closed.', leastBad: 'The least-bad route is drawn dashed: it breaks the limits listed above.',
    showOnMap: 'Show on map', needPoints: 'Set a start and a destination first.', searching: 'Searching…',
    found: '{0} places found.', nothingFound: 'Nothing found for “{0}”.', set: '{0} set: {1}.',
    locating: 'Finding your location…', noLocation: 'Your location is not available: {0}', error: 'Error: {0}',
    keySaved: 'Key kept for this tab.', keyForgotten: 'Key forgotten.', needKey: 'Enter a planner API key first.',
    reportSent: 'Report {0} sent ({1}).', reportChanged: 'Report {0}: {1}.', needReportPoints: 'Add the report’s points on the map first ({0} needed).',
    pointsSoFar: '{0} point(s): {1}', noPoints: 'No points yet.', noReports: 'No reports.', history: 'History',
    verify: 'Verify', resolve: 'Resolve', reject: 'Reject', edit: 'Edit', save: 'Save', cancel: 'Cancel',
    reportsLoaded: '{0} reports listed.', loadFailed: 'Could not load: {0}',
    judgement_usable: 'usable', judgement_above_comfort: 'above comfort', judgement_blocked: 'blocked (at least one way)',
    judgement_unknown: 'facts unknown', legendWays: 'Ways for the chosen profile', legendRoute: 'Route', legendPoints: 'Points',
    legendSteps: 'steps', legendKerb: 'kerb', legendElevator: 'elevator', legendBarrier: 'reported barrier',
    legendLive_working: 'elevator working (live)', legendLive_out_of_service: 'elevator out of service (live)',
    legendLive_unknown: 'elevator state unknown (live)', liveElevator: 'elevator at {0}: {1}, checked {2} min ago',
    liveWorking: 'working', liveOut: 'out of service since {0}', liveUnknown: 'state unknown',
    elevatorRanking: 'Elevators: most hours out of service (30 days)', elevatorRankingLoad: 'Load the elevators',
    elevatorMatchHint: 'To fix a match, put the map centre (the cross) on the elevator meant and press “Match to map centre”.',
    elevatorRankingEmpty: 'No elevator was out of service.', elevatorRankingLoaded: '{0} elevators listed.',
    elevatorHours: '{0} h out of service in {1} outages, now {2}', liveState_working: 'working',
    liveState_out_of_service: 'out of service', liveState_unknown: 'state unknown',
    elevatorMatchCentre: 'Match to map centre', elevatorMatchNone: 'Not on this graph',
    elevatorMatched: 'Elevator {0} is now matched to the graph at {1}, {2}.', elevatorUnmatched: 'Elevator {0} is now on no element of this graph.',
    routeLevel: 'level or gentle (under half your limit)', routeSteep: 'steep (above half your limit)',
    routeUncertain: 'uncertain facts (dashed)', routeLeastBad: 'least-bad route (breaks limits)',
    km: '{0} km', m: '{0} m', min: '{0} min', h: '{0} h {1} min',
    k_elevator_out_of_service: 'elevator out of service', k_construction: 'construction', k_missing_kerb_ramp: 'missing kerb ramp',
    k_high_kerb: 'high kerb', k_blocked_path: 'blocked path', k_narrow_passage: 'narrow passage', k_steep_ramp: 'steep ramp',
    k_surface_damage: 'damaged surface', k_other: 'other',
    place_street: 'street', place_square: 'square', place_pedestrian_area: 'pedestrian area', place_station: 'station', place_stop: 'stop',
    place_church: 'church', place_castle: 'castle', place_museum: 'museum', place_toilets: 'toilets', place_attraction: 'sight',
    place_park: 'park', place_university: 'university', place_healthcare: 'healthcare', place_public_building: 'public building',
    place_building: 'building', place_shop: 'shop', place_amenity: 'amenity',
    wheelchair_yes: 'wheelchair: yes', wheelchair_limited: 'wheelchair: limited', wheelchair_no: 'wheelchair: no', wheelchair_unknown: 'wheelchair: unknown',
    replanned: 'Route planned again after the report changed.',
  },
  de: {
    skip: 'Zum Routenplaner springen', title: 'Barrierefreie Wege', mode: 'Modus', modePlan: 'Route planen',
    modePlanner: 'Hindernisse melden (Planung)', language: 'Sprache', panelTitle: 'Routenplaner',
    points: 'Von wo, nach wo', addVia: 'Zwischenziel hinzufügen',
    clickHint: 'Klicken Sie in die Karte für den Start, dann für das Ziel. Mit der Tastatur: Karte mit den Pfeiltasten bewegen und „Kartenmitte“ nutzen.',
    clickSets: 'Ein Klick in die Karte setzt', clickAuto: 'den Start, dann das Ziel', clickVia: 'ein neues Zwischenziel',
    start: 'Start', destination: 'Ziel', via: 'Zwischenziel {0}', searchOrCoords: 'Ort, Straße oder BREITE,LÄNGE',
    search: 'Suchen', mapCentre: 'Kartenmitte', myLocation: 'Mein Standort', remove: 'Entfernen',
    profile: 'Profil', limits: 'Grenzen (aus dem Profil; alle änderbar)',
    smoothnessAny: 'beliebig',
    resetLimits: 'Zurück zu den Grenzen des Profils', plan: 'Route planen', route: 'Route',
    plannerTitle: 'Hindernismeldungen', apiKey: 'API-Schlüssel (nur in diesem Tab gespeichert)', useKey: 'Schlüssel verwenden', forgetKey: 'Schlüssel vergessen',
    newReport: 'Neue Meldung', shape: 'Form', shapePoint: 'Punkt', shapeLine: 'Linie', shapePolygon: 'Fläche',
    reportHint: 'Klicken Sie Punkte in die Karte, oder bewegen Sie die Karte und drücken Sie „Kartenmitte hinzufügen“.', addCentre: 'Kartenmitte hinzufügen',
    undoPoint: 'Letzten Punkt entfernen', kind: 'Art', description: 'Beschreibung', validFrom: 'Gültig ab', validUntil: 'Gültig bis',
    measuredKerb: 'Gemessener Bordstein (cm)', measuredWidth: 'Verbleibende Breite (cm)', measuredIncline: 'Gemessene Steigung (%)',
    sendReport: 'Meldung senden', reports: 'Meldungen', status: 'Status', any: 'alle', refresh: 'Aktualisieren',
    st_reported: 'gemeldet', st_verified: 'bestätigt', st_resolved: 'behoben', st_rejected: 'abgelehnt',
    mapTitle: 'Karte', mapHelp: 'Fokussieren Sie die Karte, um sie mit den Pfeiltasten zu bewegen und mit Plus und Minus zu zoomen; das Kreuz markiert die Kartenmitte.',
    mapKeys: 'Karte per Tastatur', centreStart: 'Start an der Kartenmitte', centreTo: 'Ziel an der Kartenmitte',
    centreVia: 'Zwischenziel an der Kartenmitte', legend: 'Legende', mapLabel: 'Karte der barrierefreien Wege. Pfeiltasten bewegen, Plus und Minus zoomen.',
    distance: 'Strecke', duration: 'Dauer', climb: 'Anstieg', descent: 'Abstieg', unknownShare: 'Auf unbekannten Daten',
    instructions: 'Wegbeschreibung', warnings: 'Hinweise', noWarnings: 'Keine Hinweise.', downloads: 'Herunterladen',
    gpx: 'GPX-Track', geojson: 'GeoJSON', elevation: 'Höhenprofil',
    elevationText: 'Höhe von {0} m am Start bis {1} m am Ziel; tiefster Punkt {2} m, höchster {3} m; Anstieg {4} m, Abstieg {5} m.',
    noElevation: 'Keine Höhen für diese Route (die Karte hat hier kein Geländemodell).',
    flat: 'Die Route ist eben: ihre Höhen unterscheiden sich um höchstens {0} m.',
    sheetGrow: 'Mehr vom Planer zeigen', sheetShrink: 'Mehr von der Karte zeigen',
    planning: 'Route wird geplant…', planned: 'Route gefunden: {0}, {1}, {2} Anweisungen.',
    noRoute: 'Keine Route mit diesen Grenzen.', blockers: 'Was den Weg versperrt', lift: 'Zulassen: {0} = {1}',
    noLift: 'Keine Grenze änderbar: der Weg selbst ist gesperrt.', leastBad: 'Die am wenigsten schlechte Route ist gestrichelt: sie verletzt die oben genannten Grenzen.',
    showOnMap: 'Auf der Karte zeigen', needPoints: 'Legen Sie zuerst Start und Ziel fest.', searching: 'Suche läuft…',
    found: '{0} Orte gefunden.', nothingFound: 'Nichts gefunden für „{0}“.', set: '{0} gesetzt: {1}.',
    locating: 'Standort wird ermittelt…', noLocation: 'Ihr Standort ist nicht verfügbar: {0}', error: 'Fehler: {0}',
    keySaved: 'Schlüssel für diesen Tab gespeichert.', keyForgotten: 'Schlüssel vergessen.', needKey: 'Geben Sie zuerst einen Planungs-API-Schlüssel ein.',
    reportSent: 'Meldung {0} gesendet ({1}).', reportChanged: 'Meldung {0}: {1}.', needReportPoints: 'Setzen Sie zuerst die Punkte der Meldung auf der Karte ({0} nötig).',
    pointsSoFar: '{0} Punkt(e): {1}', noPoints: 'Noch keine Punkte.', noReports: 'Keine Meldungen.', history: 'Verlauf',
    verify: 'Bestätigen', resolve: 'Beheben', reject: 'Ablehnen', edit: 'Bearbeiten', save: 'Speichern', cancel: 'Abbrechen',
    reportsLoaded: '{0} Meldungen aufgelistet.', loadFailed: 'Laden fehlgeschlagen: {0}',
    judgement_usable: 'nutzbar', judgement_above_comfort: 'über der Komfortgrenze', judgement_blocked: 'gesperrt (mindestens eine Richtung)',
    judgement_unknown: 'Angaben unbekannt', legendWays: 'Wege für das gewählte Profil', legendRoute: 'Route', legendPoints: 'Punkte',
    legendSteps: 'Stufen', legendKerb: 'Bordstein', legendElevator: 'Aufzug', legendBarrier: 'gemeldetes Hindernis',
    legendLive_working: 'Aufzug in Betrieb (live)', legendLive_out_of_service: 'Aufzug außer Betrieb (live)',
    legendLive_unknown: 'Aufzug, Zustand unbekannt (live)', liveElevator: 'Aufzug {0}: {1}, geprüft vor {2} Min.',
    liveWorking: 'in Betrieb', liveOut: 'außer Betrieb seit {0}', liveUnknown: 'Zustand unbekannt',
    elevatorRanking: 'Aufzüge: die meisten Stunden außer Betrieb (30 Tage)', elevatorRankingLoad: 'Aufzüge laden',
    elevatorMatchHint: 'Um eine Zuordnung zu korrigieren, die Kartenmitte (das Kreuz) auf den gemeinten Aufzug legen und „Der Kartenmitte zuordnen“ drücken.',
    elevatorRankingEmpty: 'Kein Aufzug war außer Betrieb.', elevatorRankingLoaded: '{0} Aufzüge aufgelistet.',
    elevatorHours: '{0} Std. außer Betrieb bei {1} Ausfällen, jetzt {2}', liveState_working: 'in Betrieb',
    liveState_out_of_service: 'außer Betrieb', liveState_unknown: 'Zustand unbekannt',
    elevatorMatchCentre: 'Der Kartenmitte zuordnen', elevatorMatchNone: 'Nicht in diesem Graphen',
    elevatorMatched: 'Aufzug {0} ist nun dem Graphen bei {1}, {2} zugeordnet.', elevatorUnmatched: 'Aufzug {0} ist nun keinem Element dieses Graphen zugeordnet.',
    routeLevel: 'eben oder sanft (unter der Hälfte Ihrer Grenze)', routeSteep: 'steil (über der Hälfte Ihrer Grenze)',
    routeUncertain: 'unsichere Angaben (gestrichelt)', routeLeastBad: 'am wenigsten schlechte Route (verletzt Grenzen)',
    km: '{0} km', m: '{0} m', min: '{0} min', h: '{0} h {1} min',
    k_elevator_out_of_service: 'Aufzug außer Betrieb', k_construction: 'Baustelle', k_missing_kerb_ramp: 'fehlende Bordsteinabsenkung',
    k_high_kerb: 'hoher Bordstein', k_blocked_path: 'versperrter Weg', k_narrow_passage: 'Engstelle', k_steep_ramp: 'steile Rampe',
    k_surface_damage: 'beschädigter Belag', k_other: 'sonstiges',
    place_street: 'Straße', place_square: 'Platz', place_pedestrian_area: 'Fußgängerbereich', place_station: 'Bahnhof', place_stop: 'Haltestelle',
    place_church: 'Kirche', place_castle: 'Schloss', place_museum: 'Museum', place_toilets: 'Toilette', place_attraction: 'Sehenswürdigkeit',
    place_park: 'Park', place_university: 'Hochschule', place_healthcare: 'Gesundheit', place_public_building: 'öffentliches Gebäude',
    place_building: 'Gebäude', place_shop: 'Geschäft', place_amenity: 'Einrichtung',
    wheelchair_yes: 'rollstuhlgerecht: ja', wheelchair_limited: 'rollstuhlgerecht: teilweise', wheelchair_no: 'rollstuhlgerecht: nein', wheelchair_unknown: 'rollstuhlgerecht: unbekannt',
    replanned: 'Route nach der geänderten Meldung neu geplant.',
  },
};

let language = 'en';

/** German for any German browser language, English otherwise; a stored choice is the caller's. */
export function browserLanguage() {
  return (navigator.languages ?? [navigator.language]).some(l => l?.toLowerCase().startsWith('de')) ? 'de' : 'en';
}

export function setLanguage(code) {
  language = texts[code] ? code : 'en';
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of document.querySelectorAll('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  }
  document.title = `${t('title')} – Heidelberg`;
}

export function currentLanguage() {
  return language;
}

/** The text for a key with {0}, {1} ... filled in; the key itself when there is no text (visible, never blank). */
export function t(key, ...args) {
  const text = texts[language][key] ?? texts.en[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** A number in the language's notation (German decimal comma). */
export function number(value, digits = 0) {
  return value.toLocaleString(language === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function distance(metres) {
  return metres >= 1000 ? t('km', number(metres / 1000, 1)) : t('m', number(Math.round(metres)));
}

export function duration(seconds) {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes < 60 ? t('min', minutes) : t('h', Math.floor(minutes / 60), minutes % 60);
}
