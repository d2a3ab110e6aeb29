using Routing.Graph;

namespace Routing.Terrain;

/// <summary>
/// The height profile along one edge in its forward direction: its own points (ends and shape points) and terrain
/// samples at most <see cref="GraphTerrain.SampleSpacingM"/> apart between them. Reused from edge to edge, so a build
/// allocates nothing per edge.
/// </summary>
internal sealed class EdgeProfile
{
    private readonly List<double> _distanceM = [];
    private readonly List<double> _elevationM = [];
    private readonly List<float> _shapeElevationM = [];
    private readonly List<(int LatE7, int LonE7)> _points = [];

    /// <summary>Every sample has a height (the terrain model covers the whole edge).</summary>
    public bool IsComplete { get; private set; }

    public double LengthM => _distanceM.Count == 0 ? 0 : _distanceM[^1];

    /// <param name="followsGround">False for bridges and tunnels: heights then run straight between the end vertices.</param>
    public void Load(RoutingGraph graph, int edge, float[] vertexElevationM, IElevationModel terrain, bool followsGround)
    {
        _distanceM.Clear();
        _elevationM.Clear();
        _shapeElevationM.Clear();
        _points.Clear();
        graph.AppendArcPoints(edge * 2, _points);
        double startM = vertexElevationM[graph.EdgeFrom[edge]];
        double endM = vertexElevationM[graph.EdgeTo[edge]];

        double walkedM = 0;
        Add(0, startM);
        for (int i = 1; i < _points.Count; i++)
        {
            var (a, b) = (_points[i - 1], _points[i]);
            double legM = Coordinates.DistanceM(a.LatE7, a.LonE7, b.LatE7, b.LonE7);
            if (followsGround)
            {
                int pieces = (int)Math.Ceiling(legM / GraphTerrain.SampleSpacingM);
                for (int k = 1; k < pieces; k++)
                {
                    double t = (double)k / pieces;
                    Add(walkedM + (t * legM), Terrain(terrain,
                        a.LatE7 + (t * (b.LatE7 - a.LatE7)), a.LonE7 + (t * (b.LonE7 - a.LonE7))));
                }
            }
            walkedM += legM;
            if (i < _points.Count - 1)
            {
                double shapeM = followsGround ? Terrain(terrain, b.LatE7, b.LonE7) : double.NaN;
                Add(walkedM, shapeM);
                _shapeElevationM.Add((float)shapeM);
            }
        }
        Add(walkedM, endM);

        if (!followsGround)
        {
            // Straight between the ends: fill in the shape points now that the length is known.
            for (int i = 1; i < _elevationM.Count - 1; i++)
            {
                double t = walkedM > 0 ? _distanceM[i] / walkedM : 0;
                _elevationM[i] = startM + (t * (endM - startM));
                _shapeElevationM[i - 1] = (float)_elevationM[i];
            }
        }
        IsComplete = !_elevationM.Exists(double.IsNaN);
    }

    /// <summary>The heights of the edge's shape points, in order.</summary>
    public void CopyShapeElevations(Span<float> destination) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_shapeElevationM).CopyTo(destination);

    /// <summary>
    /// Average incline over the whole edge and the steepest incline over any stretch of
    /// <paramref name="sustainedLengthM"/>, both in per mille in the forward direction. The steepest keeps its sign
    /// (a stretch that climbs 8 % is +80 even on an edge that falls overall), and is never flatter than the average.
    /// </summary>
    public (double AveragePermille, double SteepestPermille) Inclines(double sustainedLengthM)
    {
        double lengthM = LengthM;
        if (lengthM <= 0)
        {
            return (0, 0);
        }
        double average = (_elevationM[^1] - _elevationM[0]) / lengthM * 1000;
        double steepest = average;
        if (lengthM > sustainedLengthM)
        {
            for (int i = 0; i < _distanceM.Count; i++)
            {
                // Windows starting and ending at each sample cover every stretch where the slope can change.
                if (_distanceM[i] + sustainedLengthM <= lengthM)
                {
                    steepest = Steeper(steepest, (ElevationAt(_distanceM[i] + sustainedLengthM) - _elevationM[i]) / sustainedLengthM * 1000);
                }
                if (_distanceM[i] - sustainedLengthM >= 0)
                {
                    steepest = Steeper(steepest, (_elevationM[i] - ElevationAt(_distanceM[i] - sustainedLengthM)) / sustainedLengthM * 1000);
                }
            }
        }
        return (average, steepest);
    }

    private static double Steeper(double a, double b) => Math.Abs(b) > Math.Abs(a) ? b : a;

    /// <summary>Linear between samples.</summary>
    private double ElevationAt(double distanceM)
    {
        int upper = _distanceM.BinarySearch(distanceM);
        if (upper >= 0)
        {
            return _elevationM[upper];
        }
        upper = Math.Min(~upper, _distanceM.Count - 1);
        int lower = Math.Max(upper - 1, 0);
        double spanM = _distanceM[upper] - _distanceM[lower];
        double t = spanM > 0 ? (distanceM - _distanceM[lower]) / spanM : 0;
        return _elevationM[lower] + (t * (_elevationM[upper] - _elevationM[lower]));
    }

    private void Add(double distanceM, double elevationM)
    {
        _distanceM.Add(distanceM);
        _elevationM.Add(elevationM);
    }

    private static double Terrain(IElevationModel terrain, double latE7, double lonE7) =>
        terrain.TryGetElevationM(latE7 / Coordinates.E7, lonE7 / Coordinates.E7, out double metres) ? metres : double.NaN;
}
