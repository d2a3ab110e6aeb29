namespace Routing.Terrain.Tests;

public sealed class ElevationModelSetTests
{
    private static readonly GridCoordinateSystem Utm32 = GridCoordinateSystem.FromEpsg(25832)!;

    /// <summary>A geographic model of constant <paramref name="elevationM"/> (NaN for a void) whose 3 x 3 cells of <paramref name="cellDeg"/> are centred on (lat, lon).</summary>
    private static ElevationGrid Square(string name, double latitude, double longitude, float elevationM, double cellDeg = 1) =>
        new(name, "test", GridCoordinateSystem.Geographic, new RasterLayout(3, 3, latitude + cellDeg, longitude - cellDeg, cellDeg, cellDeg),
            [.. Enumerable.Repeat(elevationM, 9)]);

    /// <summary>A UTM 32N tile of 10 x 10 cells of <paramref name="cellM"/> metres, south-west corner at (east, north), every cell <paramref name="elevationM"/>.</summary>
    private static ElevationGrid UtmTile(double eastM, double northM, double cellM, float elevationM) =>
        new($"{eastM}_{northM}.tif", "test", Utm32, new RasterLayout(10, 10, northM + (9.5 * cellM), eastM + (cellM / 2), cellM, cellM),
            [.. Enumerable.Repeat(elevationM, 100)]);

    [Fact]
    public void The_finest_model_with_data_answers_whatever_the_order()
    {
        ElevationGrid coarse = Square("coarse", 49.4, 8.7, 120, cellDeg: 0.01);
        ElevationGrid fine = Square("fine", 49.4, 8.7, 110, cellDeg: 0.001);

        foreach (ElevationGrid[] order in new[] { new[] { coarse, fine }, [fine, coarse] })
        {
            var set = new ElevationModelSet(order, "set");
            Assert.True(set.TryGetElevationM(49.4, 8.7, out double elevationM));
            Assert.Equal(110, elevationM);
            Assert.Equal(fine.CellSizeMAt(49.4, 8.7), set.CellSizeMAt(49.4, 8.7));
            Assert.Equal(111.2, set.CellSizeMAt(49.4, 8.7), 0.1); // 0.001 degrees of latitude
        }
    }

    [Fact]
    public void Where_the_finest_has_no_data_the_next_finest_answers()
    {
        ElevationGrid coarse = Square("coarse", 49.4, 8.7, 120, cellDeg: 0.01);
        ElevationGrid fine = Square("fine", 49.4, 8.7, 110, cellDeg: 0.001);
        var set = new ElevationModelSet([Square("void", 49.4, 8.7, float.NaN, cellDeg: 0.0001), fine, Square("elsewhere", 43.7, 7.4, 50), coarse], "set");

        Assert.True(set.TryGetElevationM(49.4, 8.7, out double inFineM));
        Assert.Equal(110, inFineM);
        // Beyond the fine square (1.5 cells of 0.001 degrees from its centre), inside the coarse one.
        Assert.True(set.TryGetElevationM(49.4, 8.71, out double beyondFineM));
        Assert.Equal(120, beyondFineM);
        Assert.Equal(coarse.CellSizeMAt(49.4, 8.71), set.CellSizeMAt(49.4, 8.71));
        Assert.True(set.TryGetElevationM(43.7, 7.4, out double monacoM));
        Assert.Equal(50, monacoM);
    }

    [Fact]
    public void Of_equally_fine_models_the_first_given_answers()
    {
        var set = new ElevationModelSet([Square("first", 49.4, 8.7, 110), Square("second", 49.4, 8.7, 120)], "set");

        Assert.True(set.TryGetElevationM(49.4, 8.7, out double elevationM));
        Assert.Equal(110, elevationM);
    }

    [Fact]
    public void Where_no_model_has_data_there_is_none()
    {
        var set = new ElevationModelSet([Square("a", 49.4, 8.7, 110), Square("b", 43.7, 7.4, 50)], "set");

        Assert.False(set.TryGetElevationM(0, 0, out double elevationM));
        Assert.True(double.IsNaN(elevationM));
        Assert.True(double.IsNaN(set.CellSizeMAt(0, 0)));
        Assert.False(set.TryGetElevationM(double.NaN, 8.7, out _));
    }

    [Fact]
    public void Each_point_of_a_mosaic_of_projected_tiles_finds_its_tile_and_a_coarse_model_fills_the_gaps()
    {
        // 20 x 20 tiles of 100 m (10 cells of 10 m) east of Heidelberg's old town, tile (i, j) at height 100 i + j,
        // with one tile missing; under them a geographic model of 0.01 degree cells at 50 m.
        const double West = 477_000, South = 5_470_000;
        var grids = new List<ElevationGrid> { Square("region", 49.40, 8.70, 50, cellDeg: 0.01) };
        for (int i = 0; i < 20; i++)
        {
            for (int j = 0; j < 20; j++)
            {
                if ((i, j) != (7, 11))
                {
                    grids.Add(UtmTile(West + (i * 100), South + (j * 100), 10, (100 * i) + j));
                }
            }
        }
        var set = new ElevationModelSet(grids, "mosaic");

        for (int i = 0; i < 20; i++)
        {
            for (int j = 0; j < 20; j++)
            {
                // A point inside tile (i, j), off its centre.
                (double latitude, double longitude) = Utm32.ToWgs84(West + (i * 100) + 37, South + (j * 100) + 81);
                Assert.True(set.TryGetElevationM(latitude, longitude, out double elevationM));
                bool missing = (i, j) == (7, 11);
                Assert.Equal(missing ? 50 : (100 * i) + j, elevationM, 3);
                Assert.Equal(missing ? 1112 : 10, set.CellSizeMAt(latitude, longitude), missing ? 1.0 : 1e-9);
            }
        }
    }

    [Fact]
    public void The_description_is_the_one_given()
    {
        var set = new ElevationModelSet([Square("a.tif", 49.4, 8.7, 110), Square("b.hgt", 43.7, 7.4, 50)], "dgm1/ (2 files: test)");

        Assert.Equal("dgm1/ (2 files: test)", set.Description);
    }
}
