using Routing.Graph;
using Routing.Texts;

namespace Routing.Engine.Routes;

/// <summary>How an instruction uses a way: where one goes (onto it) or where one is (on it).</summary>
internal enum WayCase
{
    /// <summary>"Turn right onto …", German accusative: "auf die Hauptstraße", "auf den Fußweg".</summary>
    Onto,
    /// <summary>"Head north on …", "Continue on …", German dative: "auf der Hauptstraße", "auf dem Fußweg".</summary>
    On,
}

/// <summary>
/// A way as an instruction names it. Most languages take the name as it is ("onto Hauptstraße") and describe an unnamed
/// way by its kind ("the footway", the translation files' <c>way.</c> and <c>way_on.</c> keys). German needs the article of the name's noun, which its ending tells ("-straße" is
/// die, "-weg" and "-platz" der, "-tor" das), in the case the sentence asks for; a name whose ending says nothing, or
/// that starts with a preposition ("Am Karlstor", "Plöck"), is named after what it is: "auf die Straße „Am Karlstor“".
/// A name is never made up: an unnamed main road is "die Hauptverkehrsstraße", not a street called Hauptstraße.
/// </summary>
internal static class WayNames
{
    private static readonly string[] Feminine =
        ["straße", "strasse", "gasse", "allee", "anlage", "promenade", "brücke", "steige", "staffel", "zeile", "chaussee", "treppe", "passage",
         "rampe", "unterführung", "auffahrt", "terrasse", "höhe", "halde", "klinge", "bahn", "aue"];

    private static readonly string[] Masculine =
        ["weg", "platz", "ring", "markt", "steg", "pfad", "damm", "graben", "berg", "kai", "wall", "hof", "garten", "park", "stieg", "rain",
         "buckel", "winkel", "gang", "steig", "boulevard", "kreis", "see", "tunnel"];

    private static readonly string[] Neuter = ["tor", "ufer", "feld", "eck", "tal", "gässchen", "gäßchen"];

    /// <summary>Words a name may start with that make it a phrase, not a noun: such a name takes no article.</summary>
    private static readonly string[] Prepositions = ["am", "im", "an", "auf", "unter", "zum", "zur", "in", "beim", "bei", "hinter", "vor", "über", "neben", "der", "die", "das"];

    /// <param name="along">The named street an unnamed way runs beside (<see cref="StreetsAlong"/>), said with its
    /// description: "the sidewalk along Hauptstraße", "den Gehweg an der Hauptstraße".</param>
    /// <param name="through">The park, garden, cemetery or wood an unnamed way runs through, when it runs along no
    /// street: "the path through the park", "den Fußweg durch den Schlossgarten".</param>
    /// <param name="towards">The named street an unnamed way leads to, when it runs along no street and through no
    /// area: "the path towards Bismarckstraße", "den Fußweg in Richtung Bismarckstraße" (the name as it is: a direction
    /// takes no article).</param>
    public static string Of(string name, string highway, TextLanguage language, WayCase wayCase, (string Name, string Highway)? along = null,
        (string Name, GreenAreaKind Kind)? through = null, string? towards = null)
    {
        // The description of the way's kind in the case the sentence asks for: "den Fußweg" where one goes, "dem
        // Fußweg" where one is; languages without cases give both the same words.
        string description = RouteTexts.Get((wayCase == WayCase.On ? "way_on." : "way.") + highway, language);
        if (name.Length > 0)
        {
            return Named(name, description, language, wayCase);
        }
        if (along is { } street)
        {
            // German: "an" with the street in the dative, "an dem" contracted as everyone says it ("am Bismarckplatz").
            string beside = RouteTexts.Format("way.along", language, description, Of(street.Name, street.Highway, language, WayCase.On));
            return beside.Replace(" an dem ", " am ", StringComparison.Ordinal);
        }
        if (through is { } area)
        {
            // "durch" takes the accusative whatever the sentence: "auf dem Fußweg durch den Park".
            string kind = RouteTexts.Get("area." + AreaKey(area.Kind), language);
            string place = area.Name.Length > 0 ? Named(area.Name, kind, language, WayCase.Onto) : kind;
            return RouteTexts.Format("way.through", language, description, place);
        }
        return towards is null ? description : RouteTexts.Format("way.towards", language, description, towards);
    }

    /// <summary>The key of an area's kind in the translation files (<c>area.park</c> ...).</summary>
    private static string AreaKey(GreenAreaKind kind) => kind switch
    {
        GreenAreaKind.Garden => "garden",
        GreenAreaKind.Cemetery => "cemetery",
        GreenAreaKind.Wood => "wood",
        _ => "park",
    };

    /// <summary>
    /// A name as the sentence says it: as it is, except in German, which needs the article of the name's noun in the
    /// sentence's case, or, when the ending does not tell, <paramref name="description"/> and the name in quotes.
    /// </summary>
    private static string Named(string name, string description, TextLanguage language, WayCase wayCase)
    {
        if (language.Code != "de")
        {
            return name;
        }
        string? article = ArticleOf(name);
        if (article is null)
        {
            return $"{description} „{name}“";
        }
        string declined = Declined(name, article == "den" || wayCase == WayCase.On ? "en" : "e");
        string dative = article == "die" ? "der" : "dem";
        return $"{(wayCase == WayCase.On ? dative : article)} {declined}";
    }

    /// <summary>Adjectives that start street names and decline after an article: "Alte Brücke", "auf der Alten Brücke".</summary>
    private static readonly string[] AdjectiveStems =
        ["alt", "neu", "ober", "unter", "groß", "klein", "lang", "hoh", "kurz", "breit", "mittler", "hinter", "vorder", "weiß", "schwarz", "rot", "grün", "hell", "tief", "still"];

    /// <summary>
    /// The name with its leading adjectives in the weak form an article asks for (<paramref name="ending"/> "e" or
    /// "en"): "Alter Markt" to "Alten Markt", "Neue Schlossstraße" to "Neuen Schlossstraße", "Botanischer Garten" to
    /// "Botanischen Garten". Place adjectives ("Eppelheimer") never change, and are not in the list.
    /// </summary>
    private static string Declined(string name, string ending)
    {
        string[] words = name.Split(' ');
        for (int i = 0; i < words.Length - 1; i++)
        {
            string word = words[i];
            string? stem = null;
            foreach (string candidate in AdjectiveStems)
            {
                foreach (string suffix in (ReadOnlySpan<string>)["e", "er", "es"])
                {
                    if (word.Length == candidate.Length + suffix.Length && word.StartsWith(candidate, StringComparison.OrdinalIgnoreCase)
                        && word.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        stem = word[..candidate.Length];
                    }
                }
            }
            // Adjectives of kind decline the same way: "Botanischer Garten", "durch den Botanischen Garten".
            foreach (string suffix in (ReadOnlySpan<string>)["ische", "ischer", "isches"])
            {
                if (stem is null && word.Length > suffix.Length + 1 && char.IsUpper(word[0]) && word.EndsWith(suffix, StringComparison.Ordinal))
                {
                    stem = word[..^(suffix.Length - 4)];
                }
            }
            if (stem is null)
            {
                break;
            }
            words[i] = stem + ending;
        }
        return string.Join(' ', words);
    }

    /// <summary>The accusative article of a German street name by its last word's ending; null when the ending does not tell.</summary>
    internal static string? ArticleOf(string name)
    {
        string lower = name.ToLowerInvariant();
        int space = lower.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && Prepositions.Contains(lower[..space], StringComparer.Ordinal))
        {
            return null;
        }
        // The longest ending wins: "Brückenweg" is a way (der), "Torgasse" a lane (die).
        string? article = null;
        int longest = 0;
        foreach (var (endings, accusative) in (ReadOnlySpan<(string[], string)>)[(Feminine, "die"), (Masculine, "den"), (Neuter, "das")])
        {
            foreach (string ending in endings)
            {
                if (ending.Length > longest && lower.EndsWith(ending, StringComparison.Ordinal))
                {
                    (article, longest) = (accusative, ending.Length);
                }
            }
        }
        return article;
    }
}
