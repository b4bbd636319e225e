using EducationHub.WhistleblowingPortal.Html;

namespace EducationHub.WhistleblowingPortal.Pages;

internal static class StartPage
{
    public static IResult Get(Layout layout) => layout.Page("Report a concern about a school", $"""
        <h1 class="heading-xl">Report a concern about a school</h1>
        <p class="body-lead">Use this service to tell the council's whistleblowing team about something wrong in a school: a risk to children, extremism, how the school is run, its money, subjects being dropped, or staff being bullied.</p>
        <div class="warning-text"><strong class="warning-text-text"><span class="visually-hidden">Warning</span>If a child is in immediate danger, call 999. If you are worried about a child right now, contact the council's children's services.</strong></div>
        <h2 class="heading-m">You can stay anonymous</h2>
        <ul class="list list--bullet">
          <li>You do not have to give your name or contact details.</li>
          <li>We do not record your IP address or browser details, and we use no analytics or tracking cookies.</li>
          <li>What you write is encrypted as soon as it reaches us. Only the whistleblowing team can read it.</li>
          <li>If you choose to give contact details, they are sealed: a team member can only see them after a second, senior person agrees it is necessary.</li>
          <li>For more safety, use a personal device and network, not the school's.</li>
        </ul>
        <h2 class="heading-m">What happens next</h2>
        <ol class="list list--number">
          <li>After you send your report you get a 16-digit receipt code. Write it down: it is shown only once and we cannot recover it.</li>
          <li>We will acknowledge your report within 7 days.</li>
          <li>We will tell you how we are handling it within 3 months.</li>
          <li>Use your receipt code to read our replies, answer questions and add information.</li>
        </ol>
        <a href="{layout.Base}/new" role="button" draggable="false" class="button button--start">Start now<svg class="button-start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg></a>
        <h2 class="heading-m">Already made a report?</h2>
        <p class="body"><a class="link" href="{layout.Base}/check">Check your report</a> with your receipt code.</p>
        """);
}
