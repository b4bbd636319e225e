namespace EducationHub.Complaints.Domain;

/// <summary>A group of similar complaints about one school that counts once in risk.</summary>
public sealed class Campaign
{
    public Guid Id { get; private set; }
    public int Urn { get; private set; }
    public ComplaintCategory Category { get; private set; }
    public DateOnly DetectedOn { get; private set; }

    private Campaign() { }

    public Campaign(Guid id, int urn, ComplaintCategory category, DateOnly detectedOn)
    {
        Id = id;
        Urn = urn;
        Category = category;
        DetectedOn = detectedOn;
    }
}
