namespace EducationHub.Complaints.Domain;

/// <summary>An agreed action to put things right, and whether the school actually carried it out.</summary>
public sealed class Remedy
{
    public int Id { get; private set; }
    public string Description { get; private set; } = "";
    public DateOnly? CarriedOutOn { get; private set; }

    private Remedy() { }

    public Remedy(string description) => Description = description;

    public void MarkCarriedOut(DateOnly on) => CarriedOutOn ??= on;
}
