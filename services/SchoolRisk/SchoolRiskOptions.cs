namespace EducationHub.SchoolRisk;

/// <summary>Configuration section <c>SchoolRisk</c> (e.g. <c>SchoolRisk__ImportRoot=/srv/imports</c>). No appsettings file ships.</summary>
public sealed class SchoolRiskOptions
{
    public const string Section = "SchoolRisk";

    /// <summary>The only folder ImportRegister/ImportIndicators may read server-side files from.</summary>
    public string ImportRoot { get; set; } = "./data/imports";

    /// <summary>A council's own risk model file; empty = the embedded risk-model.v1.json.</summary>
    public string? ModelFile { get; set; }
}
