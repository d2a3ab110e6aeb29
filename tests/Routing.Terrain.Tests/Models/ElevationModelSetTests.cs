namespace Routing.Terrain.Tests;

public sealed class ElevationModelSetTests
{
    /// <summary>One cell-sized model a degree square: constant <paramref name="elevationM"/> around (lat, lon), NaN for a void.</summary>
    private static ElevationGrid Square(string name, double latitude, double longitude, float elevationM) =>
        new(name, "test", new RasterLayout(2, 2, latitude + 0.5, longitude - 0.5, 1, 1), [elevationM, elevationM, elevationM, elevationM]);

    [Fact]
    public void The_first_model_with_data_answers()
    {
        var set = new ElevationModelSet([Square("fine", 49.4, 8.7, 110), Square("coarse", 49.4, 8.7, 120)]);

        Assert.True(set.TryGetElevationM(49.4, 8.7, out double elevationM));
        Assert.Equal(110, elevationM);
    }

    [Fact]
    public void Where_the_first_has_no_data_the_next_answers()
    {
        var set = new ElevationModelSet([Square("void", 49.4, 8.7, float.NaN), Square("elsewhere", 43.7, 7.4, 50), Square("coarse", 49.4, 8.7, 120)]);

        Assert.True(set.TryGetElevationM(49.4, 8.7, out double heidelbergM));
        Assert.Equal(120, heidelbergM);
        Assert.True(set.TryGetElevationM(43.7, 7.4, out double monacoM));
        Assert.Equal(50, monacoM);
    }

    [Fact]
    public void Where_no_model_has_data_there_is_none()
    {
        var set = new ElevationModelSet([Square("a", 49.4, 8.7, 110), Square("b", 43.7, 7.4, 50)]);

        Assert.False(set.TryGetElevationM(0, 0, out _));
    }

    [Fact]
    public void The_description_joins_the_parts_in_order()
    {
        var set = new ElevationModelSet([Square("a.tif", 49.4, 8.7, 110), Square("b.hgt", 43.7, 7.4, 50)]);

        Assert.Equal("a.tif (test, 2 x 2 cells of 3600.0 arc-seconds); b.hgt (test, 2 x 2 cells of 3600.0 arc-seconds)", set.Description);
    }
}
