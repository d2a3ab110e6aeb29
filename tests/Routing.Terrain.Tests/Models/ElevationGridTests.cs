namespace Routing.Terrain.Tests;

public sealed class ElevationGridTests
{
    // Cells half a degree wide and a quarter high, so that a swap of rows and columns or of latitude and longitude shows.
    private const double NorthLatitude = 50;
    private const double WestLongitude = 8;
    private const double CellLatDeg = 0.25;
    private const double CellLonDeg = 0.5;

    private static ElevationGrid Grid(float[,] elevationsM)
    {
        int rows = elevationsM.GetLength(0), columns = elevationsM.GetLength(1);
        var cells = new float[rows * columns];
        for (int row = 0; row < rows; row++)
        {
            for (int column = 0; column < columns; column++)
            {
                cells[(row * columns) + column] = elevationsM[row, column];
            }
        }
        return new ElevationGrid("test.tif", "test", GridCoordinateSystem.Geographic, new RasterLayout(rows, columns, NorthLatitude, WestLongitude, CellLatDeg, CellLonDeg), cells);
    }

    private static double At(ElevationGrid model, double row, double column)
    {
        Assert.True(model.TryGetElevationM(NorthLatitude - (row * CellLatDeg), WestLongitude + (column * CellLonDeg), out double elevationM));
        return elevationM;
    }

    private static bool HasDataAt(ElevationGrid model, double row, double column) =>
        model.TryGetElevationM(NorthLatitude - (row * CellLatDeg), WestLongitude + (column * CellLonDeg), out _);

    private static readonly float[,] Ramp =
    {
        { 1, 2, 3 },
        { 4, 5, 6 },
        { 7, 8, 20 },
    };

    [Fact]
    public void A_cell_centre_gives_the_cell()
    {
        ElevationGrid grid = Grid(Ramp);

        Assert.Equal(6, At(grid, 1, 2), 9);
        Assert.Equal(8, At(grid, 2, 1), 9);
        Assert.Equal(20, At(grid, 2, 2), 9);
    }

    [Fact]
    public void The_midpoint_of_four_cells_is_their_mean()
    {
        ElevationGrid grid = Grid(Ramp);

        Assert.Equal((1 + 2 + 4 + 5) / 4.0, At(grid, 0.5, 0.5), 9);
        Assert.Equal((5 + 6 + 8 + 20) / 4.0, At(grid, 1.5, 1.5), 9);
    }

    [Fact]
    public void Weights_are_bilinear_in_row_and_column()
    {
        ElevationGrid grid = Grid(Ramp);

        // A quarter of the way south and three quarters east between cells (1, 1) = 5, (1, 2) = 6, (2, 1) = 8, (2, 2) = 20.
        double expected = (0.75 * 0.25 * 5) + (0.75 * 0.75 * 6) + (0.25 * 0.25 * 8) + (0.25 * 0.75 * 20);
        Assert.Equal(expected, At(grid, 1.25, 1.75), 9);
    }

    [Fact]
    public void The_outer_half_of_an_edge_pixel_takes_the_edge_cells()
    {
        ElevationGrid grid = Grid(Ramp);

        Assert.Equal(2, At(grid, -0.45, 1), 9);
        Assert.Equal(1.5, At(grid, -0.45, 0.5), 9);
        Assert.Equal(14, At(grid, 2.45, 1.5), 9);
        Assert.Equal(1, At(grid, -0.5, -0.5), 9);
        Assert.Equal(20, At(grid, 2.5, 2.5), 9);
    }

    [Theory]
    [InlineData(-0.55, 1)]
    [InlineData(2.55, 1)]
    [InlineData(1, -0.55)]
    [InlineData(1, 2.55)]
    [InlineData(-5, -5)]
    public void Beyond_the_edge_pixels_there_is_no_data(double row, double column)
    {
        ElevationGrid grid = Grid(Ramp);

        Assert.False(HasDataAt(grid, row, column));
    }

    [Fact]
    public void NaN_coordinates_have_no_data()
    {
        ElevationGrid grid = Grid(Ramp);

        Assert.False(grid.TryGetElevationM(double.NaN, WestLongitude, out _));
        Assert.False(grid.TryGetElevationM(NorthLatitude, double.NaN, out _));
    }

    [Fact]
    public void A_void_is_left_out_and_the_other_weights_renormalised()
    {
        ElevationGrid grid = Grid(new[,] { { 10, float.NaN }, { 30, 40 } });

        Assert.Equal((10 + 30 + 40) / 3.0, At(grid, 0.5, 0.5), 9);
        // Close to the void the other cells still answer, weighted among themselves.
        double expected = ((0.9 * 0.1 * 10) + (0.1 * 0.1 * 30) + (0.1 * 0.9 * 40)) / ((0.9 * 0.1) + (0.1 * 0.1) + (0.1 * 0.9));
        Assert.Equal(expected, At(grid, 0.1, 0.9), 9);
    }

    [Fact]
    public void Four_voids_have_no_data()
    {
        ElevationGrid grid = Grid(new[,] { { float.NaN, float.NaN }, { float.NaN, float.NaN } });

        Assert.False(HasDataAt(grid, 0.5, 0.5));
        Assert.False(HasDataAt(grid, 0, 0));
    }

    [Fact]
    public void A_grid_one_cell_high_interpolates_along_the_row()
    {
        ElevationGrid grid = Grid(new float[,] { { 10, 20 } });

        Assert.Equal(12.5, At(grid, 0.3, 0.25), 9);
    }

    [Fact]
    public void A_spike_is_smoothed_with_weights_1_2_1_by_1_2_1_keeping_fractions_of_a_metre()
    {
        var flat = new float[5, 5];
        flat[2, 2] = 100;

        ElevationGrid smoothed = Grid(flat).BinomialSmoothed();

        Assert.Equal(100 * 4 / 16f, smoothed.ElevationAtCell(2, 2));
        Assert.Equal(100 * 2 / 16f, smoothed.ElevationAtCell(1, 2));
        Assert.Equal(100 * 2 / 16f, smoothed.ElevationAtCell(2, 3));
        Assert.Equal(100 * 1 / 16f, smoothed.ElevationAtCell(1, 1));
        Assert.Equal(100 * 1 / 16f, smoothed.ElevationAtCell(3, 3));
        Assert.Equal(0, smoothed.ElevationAtCell(0, 2));
    }

    [Fact]
    public void Smoothing_keeps_a_plane_in_the_interior()
    {
        var plane = new float[6, 7];
        for (int row = 0; row < 6; row++)
        {
            for (int column = 0; column < 7; column++)
            {
                plane[row, column] = 300 + (3 * row) - (2 * column);
            }
        }

        ElevationGrid smoothed = Grid(plane).Smoothed();

        // The median at the border sees only part of the neighbourhood, so the plane is kept two cells in.
        for (int row = 2; row < 4; row++)
        {
            for (int column = 2; column < 5; column++)
            {
                Assert.Equal(plane[row, column], smoothed.ElevationAtCell(row, column));
            }
        }
    }

    [Fact]
    public void Smoothing_keeps_voids_and_uses_only_the_cells_that_exist()
    {
        ElevationGrid smoothed = Grid(new[,]
        {
            { 16, 0, 0 },
            { 0, float.NaN, 0 },
            { 0, 0, 0 },
        }).BinomialSmoothed();

        Assert.True(float.IsNaN(smoothed.ElevationAtCell(1, 1)));
        // The corner cell sees itself (weight 4) and its two valid neighbours (2 each); the void and the raster's
        // outside are left out.
        Assert.Equal(16 * 4 / 8f, smoothed.ElevationAtCell(0, 0));
        // Cell (0, 1): itself 4, (0, 0) and (0, 2) 2 each, (1, 0) and (1, 2) 1 each, the void out.
        Assert.Equal(16 * 2 / 10f, smoothed.ElevationAtCell(0, 1));
    }

    [Fact]
    public void The_median_removes_a_single_cell_spike_and_keeps_a_wider_ridge()
    {
        // A tower block in one cell, and a ridge two cells (180 m) wide along the bottom rows.
        var cells = new float[6, 5];
        cells[1, 1] = 60;
        for (int column = 0; column < 5; column++)
        {
            cells[4, column] = 20;
            cells[5, column] = 20;
        }

        ElevationGrid median = Grid(cells).MedianFiltered();

        Assert.Equal(0, median.ElevationAtCell(1, 1));
        Assert.Equal(20, median.ElevationAtCell(4, 2));
        Assert.Equal(0, Grid(cells).Smoothed().ElevationAtCell(0, 0));
    }

    [Fact]
    public void The_median_of_an_even_count_at_a_void_is_the_mean_of_the_middle_two()
    {
        // Cell (0, 0) sees itself and its three neighbours, one of them void: 10, 20, 30 (odd, 20); cell (0, 1)
        // sees six cells, one void: 10, 20, 30, 40, 50 (20 is not the middle of five: 30).
        ElevationGrid median = Grid(new[,]
        {
            { 10, 20, 50 },
            { float.NaN, 30, 40 },
        }).MedianFiltered();

        Assert.Equal(20, median.ElevationAtCell(0, 0));
        Assert.Equal(30, median.ElevationAtCell(0, 1));
        // Cell (0, 2) sees 20, 50, 30, 40: the mean of 30 and 40.
        Assert.Equal(35, median.ElevationAtCell(0, 2));
    }

    [Fact]
    public void Both_filters_follow_their_definitions_on_random_cells_with_voids()
    {
        // Full windows take a shortcut (the median a sorting network); random values with ties and a few voids check
        // every cell against the definitions: the median and the 1-2-1 weighted mean of the valid cells around.
        var random = new Random(10);
        var cells = new float[30, 30];
        for (int row = 0; row < 30; row++)
        {
            for (int column = 0; column < 30; column++)
            {
                cells[row, column] = random.Next(30) == 0 ? float.NaN : random.Next(20) + 0.25f;
            }
        }

        ElevationGrid median = Grid(cells).MedianFiltered();
        ElevationGrid binomial = Grid(cells).BinomialSmoothed();

        for (int row = 0; row < 30; row++)
        {
            for (int column = 0; column < 30; column++)
            {
                if (float.IsNaN(cells[row, column]))
                {
                    Assert.True(float.IsNaN(median.ElevationAtCell(row, column)) && float.IsNaN(binomial.ElevationAtCell(row, column)));
                    continue;
                }
                var around = (from r in Enumerable.Range(row - 1, 3)
                              from c in Enumerable.Range(column - 1, 3)
                              where r is >= 0 and < 30 && c is >= 0 and < 30 && !float.IsNaN(cells[r, c])
                              select (Value: cells[r, c], Weight: (r == row ? 2 : 1) * (c == column ? 2 : 1))).ToList();
                float[] sorted = [.. around.Select(cell => cell.Value).Order()];
                int n = sorted.Length;
                Assert.Equal(n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2, median.ElevationAtCell(row, column));
                double weighted = around.Sum(cell => cell.Value * (double)cell.Weight) / around.Sum(cell => cell.Weight);
                Assert.Equal(weighted, binomial.ElevationAtCell(row, column), 1e-4);
            }
        }
    }

    [Fact]
    public void The_description_names_file_size_resolution_and_smoothing()
    {
        ElevationGrid grid = Grid(Ramp);

        Assert.Equal("test.tif (test, 3 x 3 cells of 1800.0 x 900.0 arc-seconds)", grid.Description);
        Assert.Equal("test.tif (test, 3 x 3 cells of 1800.0 x 900.0 arc-seconds, smoothed)", grid.Smoothed().Description);
    }
}
