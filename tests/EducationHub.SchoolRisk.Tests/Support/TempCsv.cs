using System.Text;

namespace EducationHub.SchoolRisk.Tests.Support;

/// <summary>A CSV written to a temp file for one test, deleted on dispose.</summary>
public sealed class TempCsv : IDisposable
{
    public TempCsv(string content, Encoding? encoding = null, string name = "test.csv")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ehub-sr-csv-").FullName;
        Path = System.IO.Path.Combine(Directory, name);
        System.IO.File.WriteAllText(Path, content, encoding ?? new UTF8Encoding(false));
    }

    public TempCsv(byte[] bytes, string name = "test.csv")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ehub-sr-csv-").FullName;
        Path = System.IO.Path.Combine(Directory, name);
        System.IO.File.WriteAllBytes(Path, bytes);
    }

    public string Directory { get; }
    public string Path { get; }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
