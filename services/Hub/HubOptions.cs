namespace EducationHub.Hub;

/// <summary>Hub settings (section "Hub"; e.g. Hub__PriorityModelPath=/etc/ehub/priority-model.json).</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    /// <summary>A priority model file replacing the one shipped in the assembly; its version is stamped on every list.</summary>
    public string? PriorityModelPath { get; set; }

    /// <summary>
    /// Serve the dashboard without a sign-in. Only for the one-machine AllInOne run, which binds
    /// to 127.0.0.1; anywhere else the dashboard asks for a token with hub.risklist.read.
    /// </summary>
    public bool DashboardWithoutSignIn { get; set; }
}
