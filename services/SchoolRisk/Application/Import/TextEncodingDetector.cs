using System.Text;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// Chooses how to decode an extract: a UTF-8 BOM or a file that is entirely valid UTF-8 is UTF-8;
/// anything else is Windows-1252 (the DfE spine and GIAS links files are Latin-1/1252).
/// </summary>
public static class TextEncodingDetector
{
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    public static Encoding Latin1Fallback => Windows1252.Value;

    /// <summary>Scans a seekable stream once (in 64 KB blocks, no whole-file buffer) and rewinds it.</summary>
    public static Encoding Detect(Stream stream)
    {
        var start = stream.Position;
        try
        {
            var buffer = new byte[64 * 1024];
            var read = stream.Read(buffer, 0, 3);
            if (read == 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            }
            var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
            var chars = new char[buffer.Length + 4];
            try
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
                }
                decoder.GetChars(buffer, 0, 0, chars, 0, flush: true);
                return new UTF8Encoding(false);
            }
            catch (DecoderFallbackException)
            {
                return Windows1252.Value;
            }
        }
        finally
        {
            stream.Position = start;
        }
    }
}
