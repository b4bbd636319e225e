using EducationHub.Whistleblowing.Crypto;
using EducationHub.Whistleblowing.Domain;
using EducationHub.Whistleblowing.Infrastructure;

namespace EducationHub.Whistleblowing.Application;

internal static class AttachmentWriter
{
    public static void AddAll(WhistleblowingDbContext db, CaseCipher cipher, Guid caseId, Guid? messageId, IReadOnlyList<IncomingAttachment> files, DateTimeOffset now)
    {
        foreach (var file in files)
        {
            var id = Guid.CreateVersion7(now);
            db.Attachments.Add(CaseAttachment.Create(id, caseId, messageId, file.ContentType.ToLowerInvariant(), file.Content.Length, now,
                cipher.EncryptText(Purpose.AttachmentName(id), file.FileName),
                cipher.Encrypt(Purpose.AttachmentContent(id), file.Content)));
        }
    }
}
