using Microsoft.AspNetCore.Http.Features;

namespace EducationHub.WhistleblowingPortal.Pages;

/// <summary>
/// Reads a portal form under an explicit request body limit: the most the form can legitimately
/// hold (<see cref="Uploads.MaxCount"/> files of <see cref="Uploads.MaxBytes"/> plus the text),
/// set per request so it applies whatever the host's server-wide default. An oversized body gives
/// null (the caller shows <see cref="ErrorPages.TooLarge"/>), never an exception from the form or
/// antiforgery readers. Read the form through here before checking the antiforgery token, which
/// then uses the form already read.
/// </summary>
internal static class FormBody
{
    /// <summary>Room for every text field at its limit (about 25,000 characters, up to 3 bytes each in UTF-8) and the multipart framing.</summary>
    public const long TextAllowance = 256 * 1024;

    public const long MaxBytes = Uploads.MaxCount * (long)Uploads.MaxBytes + TextAllowance;

    // A body declared larger than the limit, but not absurdly so, is read and thrown away before the
    // answer: a browser still sending its upload when the server closes the connection shows a
    // "connection reset" error instead of our page. Beyond this the connection is simply closed.
    private const long DiscardUpTo = 64L * 1024 * 1024;
    private static readonly TimeSpan DiscardTime = TimeSpan.FromSeconds(60);

    public static async Task<IFormCollection?> ReadAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            // Not a form at all: the antiforgery check refuses it ("the form has expired").
            return FormCollection.Empty;
        }

        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (context.Request.ContentLength is { } declared && declared > MaxBytes)
        {
            await DiscardAsync(context, limit, declared);
            return null;
        }

        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A body without a declared length that turned out too large (Kestrel stops reading at the limit).
            context.Response.Headers.Connection = "close";
            return null;
        }
    }

    private static async Task DiscardAsync(HttpContext context, IHttpMaxRequestBodySizeFeature? limit, long declared)
    {
        if (declared > DiscardUpTo || limit is not { IsReadOnly: false })
        {
            context.Response.Headers.Connection = "close";
            return;
        }

        limit.MaxRequestBodySize = declared;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(DiscardTime);
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            context.Response.Headers.Connection = "close";
        }
    }
}
