namespace EducationHub.SchoolRisk.Domain;

/// <summary>
/// A GIAS link between two URNs ("Predecessor", "Successor - merged", ...). Stored as given; the
/// direction is derived so history can be walked backwards from any URN.
/// </summary>
public sealed class SchoolLink
{
    public int Urn { get; set; }
    public int LinkedUrn { get; set; }
    public string LinkType { get; set; } = "";
    public DateOnly? EstablishedOn { get; set; }

    /// <summary>True when <see cref="LinkedUrn"/> is an earlier incarnation of <see cref="Urn"/>.</summary>
    public bool LinkedIsPredecessor => LinkDirections.IsPredecessor(LinkType);

    /// <summary>True when <see cref="LinkedUrn"/> is a later incarnation of <see cref="Urn"/>.</summary>
    public bool LinkedIsSuccessor => LinkDirections.IsSuccessor(LinkType);
}

public static class LinkDirections
{
    public static bool IsPredecessor(string linkType) =>
        linkType.StartsWith("Predecessor", StringComparison.OrdinalIgnoreCase);

    public static bool IsSuccessor(string linkType) =>
        linkType.StartsWith("Successor", StringComparison.OrdinalIgnoreCase);
}
