using System.Reflection;
using EducationHub.Grpc.Client;
using EducationHub.WhistleblowingPortal;
using EducationHub.WhistleblowingPortal.Html;
using EducationHub.WhistleblowingPortal.Pages;
using EducationHub.WhistleblowingPortal.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the hosting namespace (like ASP.NET Core's own extensions) so hosts find it without a using.
namespace Microsoft.Extensions.Hosting;

public static class PortalModule
{
    /// <summary>The public portal: pages under Portal:PathBase (default /report), talking to Whistleblowing over gRPC only.</summary>
    public static WebApplicationBuilder AddWhistleblowingPortal(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        options.PathBase = "/" + options.PathBase.Trim('/');
        builder.Services.AddSingleton(options);
        builder.Services.TryAddSingleton<IPortalServiceToken, ConfiguredServiceToken>();
        builder.Services.AddSingleton(_ => new GrpcClient(GrpcChannel.ForAddress(options.WhistleblowingGrpcUrl)));
        builder.Services.AddSingleton<WhistleblowingGateway>();
        builder.Services.AddSingleton<Layout>();
        builder.Services.AddSingleton<ClientKey>();
        builder.Services.AddSingleton<Throttle>();
        builder.Services.AddSingleton<ReporterSessionCookie>();
        builder.Services.AddPortalDataProtection(options.DataProtection);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "wb-form";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__form";
            o.SuppressXFrameOptionsHeader = true;
        });
        return builder;
    }

    public static WebApplication MapWhistleblowingPortal(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<PortalOptions>();
        var portal = app.MapGroup(options.PathBase).AddEndpointFilter(async (context, next) =>
        {
            SecurityHeaders.Apply(context.HttpContext.Response);
            return await next(context);
        });

        portal.MapGet("/", StartPage.Get);
        portal.MapGet("/new", ReportPage.Get);
        portal.MapPost("/new", ReportPage.Post);
        portal.MapGet("/check", CheckPage.Get);
        portal.MapPost("/check", CheckPage.Post);
        portal.MapPost("/sign-out", CheckPage.SignOut);
        portal.MapGet("/conversation", ConversationPage.Get);
        portal.MapPost("/conversation/reply", ConversationPage.Reply);
        portal.MapGet("/add-information", ConversationPage.AddInformationForm);
        portal.MapPost("/add-information", ConversationPage.AddInformation);
        portal.MapGet("/assets/portal.css", Stylesheet);
        portal.MapGet("/assets/favicon.svg", Favicon);
        return app;
    }

    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var stream = typeof(PortalOptions).Assembly.GetManifestResourceStream("portal.css")
            ?? throw new InvalidOperationException("portal.css is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    // A plain speech bubble in the header colour: no third-party asset, no script.
    private static readonly byte[] Icon = System.Text.Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#0b0c0c\"/>" +
        "<path d=\"M7 8h18v12H15l-5 5v-5H7z\" fill=\"#ffffff\"/></svg>");

    private static IResult Stylesheet(HttpContext context) => Asset(context, Css.Value, "text/css; charset=utf-8");

    private static IResult Favicon(HttpContext context) => Asset(context, Icon, "image/svg+xml");

    private static IResult Asset(HttpContext context, byte[] content, string contentType)
    {
        SecurityHeaders.Apply(context.Response);
        context.Response.Headers.CacheControl = "public, max-age=3600";
        context.Response.Headers.Remove("Pragma");
        return Results.Bytes(content, contentType);
    }
}
