namespace Routing.Terrain;

/// <summary>
/// Several terrain models used together, e.g. SRTM tiles side by side or a regional GeoTIFF over a coarser tile: the
/// first model (in the order given) that has data at a point answers.
/// </summary>
internal sealed class ElevationModelSet : IElevationModel
{
    private readonly IElevationModel[] _models;

    public ElevationModelSet(IReadOnlyList<IElevationModel> models)
    {
        ArgumentOutOfRangeException.ThrowIfZero(models.Count, nameof(models));
        _models = [.. models];
        Description = string.Join("; ", _models.Select(model => model.Description));
    }

    public string Description { get; }

    public bool TryGetElevationM(double latitude, double longitude, out double elevationM)
    {
        foreach (IElevationModel model in _models)
        {
            if (model.TryGetElevationM(latitude, longitude, out elevationM))
            {
                return true;
            }
        }
        elevationM = double.NaN;
        return false;
    }

    public double CellSizeMAt(double latitude, double longitude)
    {
        foreach (IElevationModel model in _models)
        {
            if (model.TryGetElevationM(latitude, longitude, out _))
            {
                return model.CellSizeMAt(latitude, longitude);
            }
        }
        return double.NaN;
    }
}
