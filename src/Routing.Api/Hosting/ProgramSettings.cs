using Microsoft.Extensions.Configuration.Json;

namespace Routing.Api.Hosting;

/// <summary>
/// The settings file shipped beside the program (<c>appsettings.json</c> in its output folder) as the lowest layer of
/// configuration. The host reads <c>appsettings.json</c> from its content root, the working directory: started from
/// anywhere else (<c>dotnet path/to/Routing.Api.dll</c>, as <c>benchmarks/http-load.sh</c> does from the repository
/// root) it found none and lost the production log levels, writing two Information lines per request. A settings
/// file in the content root, environment variables and the command line still override it.
/// </summary>
internal static class ProgramSettings
{
    public const string FileName = "appsettings.json";

    public static ConfigurationManager AddSettingsBesideProgram(this ConfigurationManager configuration, string programDirectory)
    {
        var source = new JsonConfigurationSource { Path = Path.Combine(programDirectory, FileName), Optional = true };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
        return configuration;
    }
}
