namespace EducationHub.Grpc.Internal;

/// <summary>
/// -bin metadata values are base64. Emit unpadded (as the spec recommends), accept padded and
/// unpadded, and accept several values joined by commas in one header.
/// </summary>
internal static class Base64Metadata
{
    public static string Encode(byte[] value) => Convert.ToBase64String(value).TrimEnd('=');

    public static byte[] Decode(string value)
    {
        var trimmed = value.Trim();
        var padding = (4 - (trimmed.Length % 4)) % 4;
        if (padding == 3)
        {
            throw new FormatException("Invalid base64 length in -bin metadata.");
        }

        return Convert.FromBase64String(padding == 0 ? trimmed : trimmed + new string('=', padding));
    }
}
