using System.Globalization;
using EducationHub.Grpc;
using EducationHub.Whistleblowing.Application;
using P = EducationHub.Protos.Whistleblowing.V1;

namespace EducationHub.Whistleblowing.Grpc;

/// <summary>Field limits of the public contract (also shown by the portal next to each field).</summary>
public static class FieldLimits
{
    public const int WhatHappened = 20_000;
    public const int WhenItHappened = 500;
    public const int WhoElseKnows = 2_000;
    public const int ContactDetails = 1_000;
    public const int SchoolName = 200;
    public const int MessageBody = 10_000;
    public const int Passphrase = 200;
    public const int NoteOrReason = 5_000;
    public const int Handler = 200;
}

internal static class RequestValidation
{
    public static int? Urn(string value, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 6 && trimmed.All(char.IsAsciiDigit) && trimmed[0] != '0')
        {
            return int.Parse(trimmed, CultureInfo.InvariantCulture);
        }

        errors.Add(field, "must be the school's 6-digit unique reference number (URN)");
        return null;
    }

    public static void Text(string value, string field, int max, bool required, FieldErrors errors)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required");
        }
        else if (value.Length > max)
        {
            errors.Add(field, $"must be {max.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer");
        }
    }

    public static void Attachments(IReadOnlyList<P.AttachmentUpload> uploads, string field, AttachmentPolicy policy, FieldErrors errors)
    {
        if (uploads.Count > policy.MaxCount)
        {
            errors.Add(field, $"must have at most {policy.MaxCount} files");
            return;
        }

        for (var i = 0; i < uploads.Count; i++)
        {
            var u = uploads[i];
            if (policy.Check(u.FileName.Trim(), u.ContentType.Trim().ToLowerInvariant(), u.Content.Span) is { } problem)
            {
                errors.Add($"{field}[{i}]", problem);
            }
        }
    }

    public static void ReporterAuth(P.ReporterAuth? auth, string field, FieldErrors errors)
    {
        switch (auth?.MethodCase)
        {
            case P.ReporterAuth.MethodOneofCase.Receipt:
                errors.Require(!string.IsNullOrWhiteSpace(auth.Receipt.ReceiptCode), field + ".receipt.receipt_code", "is required");
                Passphrase(auth.Receipt.Passphrase, field + ".receipt.passphrase", errors);
                break;
            case P.ReporterAuth.MethodOneofCase.SessionToken:
                errors.Require(!string.IsNullOrWhiteSpace(auth.SessionToken), field + ".session_token", "is required");
                break;
            default:
                errors.Add(field, "must give either receipt (code and passphrase) or session_token");
                break;
        }
    }

    /// <summary>
    /// A passphrase given to sign in: no longer than Submit allows one to be set (a longer one can match no case,
    /// so refusing it says nothing about any case).
    /// </summary>
    public static void Passphrase(string value, string field, FieldErrors errors) =>
        errors.Require(value.Length <= FieldLimits.Passphrase, field, $"must be {FieldLimits.Passphrase} characters or fewer");

    /// <summary>An optional idempotency key: empty, or the format <see cref="Crypto.IdempotencyKey"/> documents.</summary>
    public static void IdempotencyKey(string value, string field, FieldErrors errors) =>
        errors.Require(value.Length == 0 || Crypto.IdempotencyKey.IsWellFormed(value), field, Crypto.IdempotencyKey.FormatDescription);

    public static ReporterCredential Credential(P.ReporterAuth auth) => auth.MethodCase == P.ReporterAuth.MethodOneofCase.Receipt
        ? new ReporterCredential.Receipt(auth.Receipt.ReceiptCode, auth.Receipt.Passphrase)
        : new ReporterCredential.Session(auth.SessionToken);
}
