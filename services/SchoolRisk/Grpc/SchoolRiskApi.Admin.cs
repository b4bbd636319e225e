using EducationHub.Grpc;
using EducationHub.Protos.SchoolRisk.V1;
using EducationHub.SchoolRisk.Application.Import;

namespace EducationHub.SchoolRisk.Grpc;

public sealed partial class SchoolRiskApi
{
    [RequiresScope("risk.admin")]
    public Task<ImportResult> ImportRegister(ImportRequest request, ServerCallContext context) =>
        Import(ImportKind.Register, request, context);

    [RequiresScope("risk.admin")]
    public Task<ImportResult> ImportIndicators(ImportRequest request, ServerCallContext context) =>
        Import(ImportKind.Indicators, request, context);

    [RequiresScope("risk.admin")]
    public async Task<AssessAllResponse> AssessAll(AssessAllRequest request, ServerCallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        RequestFields.LaCode(errors, request.LaCode, "la_code", required: false);
        var asOf = RequestFields.Date(errors, request.AsOf, "as_of", calendar.Today, whenEmpty: calendar.Today);
        errors.ThrowIfAny();
        // Audited before the first batch commits, so a run that fails part way is still attributable.
        db.Audit(caller.Organisation, caller.Subject, "assessment.run", "assessment", request.LaCode.Length == 0 ? "all" : request.LaCode);
        await db.SaveChangesAsync(context.CancellationToken);
        var result = await assessor.AssessAllAsync(asOf, request.LaCode.Length == 0 ? null : request.LaCode, context.CancellationToken);
        return new AssessAllResponse { Assessed = result.Assessed, Published = result.Published, ModelVersion = result.ModelVersion };
    }

    /// <summary>
    /// Checks on server_path before the platform parses it: a NUL (or any control character) makes
    /// Path.GetFullPath throw, and no file in the import folder is named that way.
    /// </summary>
    private static string? ServerPathProblem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "is required (a file under the server's import folder)";
        }
        if (path.Length > 1024)
        {
            return "must be at most 1024 characters";
        }
        if (path.Any(char.IsControl))
        {
            return "must not contain control characters";
        }
        return Path.GetInvalidPathChars().Any(path.Contains) ? "contains characters that are not allowed in a file path" : null;
    }

    private async Task<ImportResult> Import(ImportKind kind, ImportRequest request, ServerCallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        string? fullPath = null;
        switch (request.SourceCase)
        {
            case ImportRequest.SourceOneofCase.ServerPath:
                if (ServerPathProblem(request.ServerPath) is { } problem)
                {
                    errors.Add("server_path", problem);
                    break;
                }
                try
                {
                    fullPath = imports.ResolveServerPath(request.ServerPath);
                    errors.Require(File.Exists(fullPath), "server_path", "no such file in the server's import folder");
                }
                catch (UnauthorizedAccessException ex)
                {
                    errors.Add("server_path", ex.Message);
                }
                catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
                {
                    // Anything else the platform cannot read as a path is the caller's input, not a server fault.
                    errors.Add("server_path", "is not a valid file path");
                }
                break;
            case ImportRequest.SourceOneofCase.Content:
                errors.Require(!request.Content.IsEmpty, "content", "is empty");
                RequestFields.Text(errors, request.FileName, "file_name", 255, required: false);
                break;
            default:
                errors.Add("source", "give server_path or content");
                break;
        }
        for (var i = 0; i < request.LaCodes.Count; i++)
        {
            RequestFields.LaCode(errors, request.LaCodes[i], $"la_codes[{i}]", required: true);
        }
        errors.ThrowIfAny();

        var scope = ImportScope.ForLocalAuthorities(request.LaCodes);
        try
        {
            var (report, runId) = fullPath is not null
                ? await imports.ImportFileAsync(kind, fullPath, scope, caller.Organisation, caller.Subject, context.CancellationToken)
                : await imports.ImportBytesAsync(kind, request.Content.Memory, request.FileName.Length > 0 ? request.FileName : "upload.csv",
                    scope, caller.Organisation, caller.Subject, context.CancellationToken);
            return report.ToProto(runId);
        }
        catch (UnrecognisedFileException ex)
        {
            throw RpcErrors.InvalidArgument(request.SourceCase == ImportRequest.SourceOneofCase.ServerPath ? "server_path" : "content", ex.Message);
        }
    }
}
