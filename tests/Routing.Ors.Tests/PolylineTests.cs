namespace Routing.Ors.Tests;

public sealed class PolylineTests
{
    [Fact]
    public void Encodes_Googles_documented_example()
    {
        double[][] positions = [[-120.2, 38.5], [-120.95, 40.7], [-126.453, 43.252]];
        Assert.Equal("_p~iF~ps|U_ulLnnqC_mqNvxq`@", Polyline.Encode(positions, withElevation: false));
    }

    [Fact]
    public void Round_trips_positions_with_and_without_elevation()
    {
        var random = new Random(13);
        var positions = Enumerable.Range(0, 500)
            .Select(_ => new[] { Math.Round(8.6 + random.NextDouble() * 0.2, 5), Math.Round(49.35 + random.NextDouble() * 0.1, 5), Math.Round(100 + random.NextDouble() * 470, 2) })
            .Append([-179.99999, -89.99999, -12.34])
            .ToArray();

        var decoded3d = Polyline.Decode(Polyline.Encode(positions, withElevation: true), withElevation: true);
        Assert.Equal(positions.Length, decoded3d.Count);
        for (int i = 0; i < positions.Length; i++)
        {
            Assert.Equal(positions[i][0], decoded3d[i][0], 5);
            Assert.Equal(positions[i][1], decoded3d[i][1], 5);
            Assert.Equal(positions[i][2], decoded3d[i][2], 2);
        }

        var decoded2d = Polyline.Decode(Polyline.Encode(positions, withElevation: false), withElevation: false);
        Assert.All(decoded2d, p => Assert.Equal(2, p.Length));
        Assert.Equal(positions.Select(p => p[1]), decoded2d.Select(p => p[1]));
    }

    [Fact]
    public void A_malformed_polyline_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => Polyline.Decode("_p~iF~ps|U_", withElevation: false));
        Assert.Throws<FormatException>(() => Polyline.Decode("ab\u0001", withElevation: false));
    }
}
