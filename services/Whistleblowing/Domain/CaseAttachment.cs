namespace EducationHub.Whistleblowing.Domain;

/// <summary>A file the reporter sent. Name and content encrypted; type and size kept for listing.</summary>
public sealed class CaseAttachment
{
    private CaseAttachment()
    {
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    /// <summary>The message it came with (null for files sent with the original report).</summary>
    public Guid? MessageId { get; private set; }
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public byte[] FileNameCipher { get; private set; } = [];
    public byte[] ContentCipher { get; private set; } = [];

    public static CaseAttachment Create(Guid id, Guid caseId, Guid? messageId, string contentType, long size, DateTimeOffset at, byte[] nameCipher, byte[] contentCipher) =>
        new() { Id = id, CaseId = caseId, MessageId = messageId, ContentType = contentType, SizeBytes = size, ReceivedAt = at, FileNameCipher = nameCipher, ContentCipher = contentCipher };
}
