# Sourced by the scripts that start the built service directly (dotnet .../Routing.Api.dll): exports the environment
# `dotnet run --project src/Routing.Api` gives it from its launch profile (src/Routing.Api/Properties/launchSettings.json),
# so that every figure is measured on the service as a user starts it. Today that is DOTNET_GCgen0size: a 64 MB
# young generation (the runtime reads it only from the environment), see README "Running in production".
while IFS='=' read -r name value; do
  export "$name=$value"
done < <(python3 -c '
import json, sys
profile = json.load(open(sys.argv[1]))["profiles"]["Routing.Api"]
for name, value in profile.get("environmentVariables", {}).items():
    print(f"{name}={value}")
' "$(dirname "${BASH_SOURCE[0]}")/../src/Routing.Api/Properties/launchSettings.json")
