using System.IO.Compression;
using System.Net;

namespace EducationHub.Hub.Tests.Api;

public class DashboardTests
{
    [Fact]
    public async Task The_month_page_school_page_and_exports_render_server_side()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        var http = hub.Host.Http;

        var page = await http.GetAsync($"/hub/risk-list?month={HubHost.ThisMonth}&band=High");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Park View Academy", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single());

        var school = await http.GetStringAsync($"/hub/schools/{HubHost.Urn}");
        Assert.Contains("<svg class=\"chart\"", school);
        Assert.Contains("Warning notice", school);

        var csv = await http.GetAsync($"/hub/risk-list.csv?month={HubHost.ThisMonth}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Park View Academy", await csv.Content.ReadAsStringAsync());

        var xlsx = await http.GetByteArrayAsync($"/hub/risk-list.xlsx?month={HubHost.ThisMonth}");
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        Assert.NotNull(zip.GetEntry("xl/worksheets/sheet1.xml"));

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/hub/schools/999999")).StatusCode);
    }

    [Fact]
    public async Task Without_the_dev_switch_the_dashboard_asks_for_a_token()
    {
        await using var hub = await HubHost.StartAsync(dashboardOpen: false);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = hub.Host.WebAddress };
        var anonymous = await http.GetAsync("/hub/risk-list");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/hub/sign-in", anonymous.Headers.Location!.OriginalString);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/hub/risk-list");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", hub.Token("hub.risklist.read"));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }
}
