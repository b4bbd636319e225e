namespace EducationHub.Cli;

/// <summary>What `ehub` returns, for scripts: 0 done, 1 the command line was wrong, 2 the server refused or failed.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int ServerError = 2;
}
