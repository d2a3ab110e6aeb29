namespace Routing.Warmup;

/// <summary><c>Warmup:*</c>: whether and how long the service warms before <c>/health/ready</c> says ready.</summary>
public sealed class WarmupOptions
{
    public const string Section = "Warmup";

    /// <summary>Off: ready as soon as the rest is, and the first users' answers run on code the runtime has not yet optimised.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>At most this many requests, however busy the compiler still is.</summary>
    public int MaxRequests { get; set; } = 6000;

    /// <summary>At most this long (from the first request; waiting for what the requests need comes before), then ready anyway.</summary>
    public double MaxSeconds { get; set; } = 30;
}
