namespace Spindle.Spin.Manifest;

/// <summary>
/// <c>executor = { type = "http" }</c> (alias <c>"spin"</c>; Spin or wasi-http handlers) or
/// <c>{ type = "wagi", argv, entrypoint }</c> (CGI-style command modules).
/// </summary>
public sealed record HttpExecutor(string Type, string Argv = HttpExecutor.DefaultWagiArgv, string Entrypoint = "_start")
{
    public const string DefaultWagiArgv = "${SCRIPT_NAME} ${ARGS}";

    public bool IsWagi => Type == "wagi";
}
