namespace EducationHub.Complaints.Application;

public sealed class ComplaintNotFoundException(Guid id) : Exception($"Complaint {id} was not found.")
{
    public Guid ComplaintId { get; } = id;
}
