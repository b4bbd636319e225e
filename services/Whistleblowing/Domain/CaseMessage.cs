namespace EducationHub.Whistleblowing.Domain;

/// <summary>A conversation message, an addition to the report, or an internal note. Body encrypted.</summary>
public sealed class CaseMessage
{
    private CaseMessage()
    {
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public MessageKind Kind { get; private set; }
    public MessageAuthor Author { get; private set; }
    /// <summary>The handler's subject for handler messages and notes; never set for the reporter.</summary>
    public string? HandlerSubject { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public byte[] BodyCipher { get; private set; } = [];

    public static CaseMessage FromReporter(Guid id, Guid caseId, MessageKind kind, DateTimeOffset at, byte[] bodyCipher) =>
        new() { Id = id, CaseId = caseId, Kind = kind, Author = MessageAuthor.Reporter, SentAt = at, BodyCipher = bodyCipher };

    public static CaseMessage FromHandler(Guid id, Guid caseId, MessageKind kind, string handler, DateTimeOffset at, byte[] bodyCipher) =>
        new() { Id = id, CaseId = caseId, Kind = kind, Author = MessageAuthor.Handler, HandlerSubject = handler, SentAt = at, BodyCipher = bodyCipher };
}
