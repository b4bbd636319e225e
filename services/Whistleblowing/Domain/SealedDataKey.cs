namespace EducationHub.Whistleblowing.Domain;

/// <summary>A case's data key as stored: wrapped (encrypted) under the named master key.</summary>
public sealed record SealedDataKey(string MasterKeyId, byte[] WrappedKey);
