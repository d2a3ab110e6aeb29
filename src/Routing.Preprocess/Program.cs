using System.CommandLine;
using Routing.Preprocess;
using Routing.Terrain;

// Routing.Preprocess: OSM extract -> routing graph file, and a look inside graph files.
var input = new Argument<string>("input") { Description = "OpenStreetMap extract (.osm.pbf or .osm XML)" };
var output = new Option<string>("--output", "-o") { Description = "Graph file to write", Required = true };
var elevation = new Option<string[]>("--elevation", "-e")
{
    Description = "Terrain model for inclines: a GeoTIFF (WGS 84 or UTM), an SRTM .hgt/.hgt.zip tile, an .xyz tile, or a folder "
        + "of them; repeat for several (where they overlap, the finest answers)",
};
var xyzCrs = new Option<string>("--xyz-crs")
{
    Description = "Coordinate system of .xyz tiles, which do not name it themselves",
    DefaultValueFactory = _ => ElevationFiles.DefaultXyzCrs,
};
var build = new Command("build", "Build a routing graph from an OpenStreetMap extract and a terrain model") { input, output, elevation, xyzCrs };
build.SetAction(result => BuildCommand.Run(result.GetValue(input)!, result.GetValue(output)!, result.GetValue(elevation) ?? [],
    result.GetValue(xyzCrs)!, Console.Out, Console.Error));

var graph = new Argument<string>("graph") { Description = "Graph file written by 'build'" };
var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };
var info = new Command("info", "Print a graph file's header and statistics") { graph, json };
info.SetAction(result => InfoCommand.Run(result.GetValue(graph)!, result.GetValue(json), Console.Out, Console.Error));

var extract = new Argument<string>("input") { Description = "OpenStreetMap extract (.osm.pbf or .osm XML)" };
var terrain = new Option<string[]>("--elevation", "-e") { Description = "Terrain model to check; repeat for several files", Required = true };
var csv = new Option<string?>("--csv") { Description = "Also write every compared edge to this CSV file" };
var checkInclines = new Command("check-inclines", "Measure a terrain model against the inclines tagged in an OpenStreetMap extract") { extract, terrain, csv };
checkInclines.SetAction(result => CheckInclinesCommand.Run(result.GetValue(extract)!, result.GetValue(terrain) ?? [], result.GetValue(csv),
    Console.Out, Console.Error));

var root = new RootCommand("Builds and inspects routing graphs for step-free routes") { build, info, checkInclines };
return root.Parse(args).Invoke();
