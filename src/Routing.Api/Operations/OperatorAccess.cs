using System.Net;
using Routing.Barriers.Http;
using Routing.Barriers;

namespace Routing.Api.Operations;

/// <summary>
/// Who may read what operations watch (<c>/metrics</c>, the checks behind <c>/health/ready</c>): a key with role
/// <c>operator</c> or <c>admin</c>, or a client in one of <c>Operations:OperatorNetworks</c> (CIDR, e.g.
/// <c>10.0.0.0/8</c> for the monitoring network; none by default). Metrics tell an attacker what hurts the service and
/// readiness names the database, so neither is public; <c>/health/live</c> and the bare ready status stay open for
/// orchestrators. The address is the connection's, or the forwarded one only from configured proxies
/// (<c>ForwardedHeaders:*</c>).
/// </summary>
internal sealed class OperatorAccess
{
    public const string NetworksSetting = "Operations:OperatorNetworks";

    private readonly IPNetwork[] _networks;

    public OperatorAccess(IConfiguration configuration)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in configuration.GetSection(NetworksSetting).GetChildren())
        {
            if (!IPNetwork.TryParse(entry.Value ?? "", out var network))
            {
                throw new InvalidOperationException(
                    $"{NetworksSetting}:{entry.Key} is '{entry.Value}', not a network in CIDR notation such as 10.0.0.0/8 or 127.0.0.1/32.");
            }
            networks.Add(network);
        }
        _networks = [.. networks];
    }

    public bool Allows(HttpContext context)
    {
        if (ApiKeyAuthentication.ActorOf(context.User) is { Role: ApiKeyRole.Operator or ApiKeyRole.Admin })
        {
            return true;
        }
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }
        return false;
    }
}
