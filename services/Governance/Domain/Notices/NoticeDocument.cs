using NodaTime;

namespace EducationHub.Governance.Domain.Notices;

/// <summary>Metadata of a notice attachment; the bytes live in <see cref="NoticeDocumentContent"/> so listing notices never loads them.</summary>
public sealed class NoticeDocument
{
    public Guid Id { get; init; }
    public Guid NoticeId { get; init; }
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long SizeBytes { get; init; }
    public string Sha256 { get; init; } = "";
    public string UploadedByOrganisation { get; init; } = "";
    public Instant UploadedAt { get; init; }
}

public sealed class NoticeDocumentContent
{
    public Guid DocumentId { get; init; }
    public byte[] Content { get; init; } = [];
}
