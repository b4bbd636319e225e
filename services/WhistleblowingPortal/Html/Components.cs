using static EducationHub.WhistleblowingPortal.Html.H;

namespace EducationHub.WhistleblowingPortal.Html;

/// <summary>GOV.UK-style form components: labels, hints, errors next to fields, the linked error summary.</summary>
internal static class Components
{
    public static string ErrorSummary(FormErrors errors) => !errors.Any ? "" :
        "<div class=\"error-summary\" aria-labelledby=\"error-summary-title\" role=\"alert\" tabindex=\"-1\" id=\"error-summary\">" +
        "<h2 class=\"error-summary-title\" id=\"error-summary-title\">There is a problem</h2><ul class=\"error-summary-list\">" +
        Join(errors.All.Select(e => $"<li><a href=\"#{E(e.Field)}\">{E(e.Message)}</a></li>")) + "</ul></div>";

    public static string TextInput(string id, string label, string? value, FormErrors errors, string? hint = null, string type = "text", string? autocomplete = "off", string width = "", string? inputMode = null) =>
        Group(id, label, hint, errors,
            $"<input class=\"input{(width.Length > 0 ? " input--" + width : "")}{(errors.For(id) is null ? "" : " input--error")}\" id=\"{id}\" name=\"{id}\" type=\"{type}\"" +
            Attr("value", type == "password" ? null : value) + Attr("autocomplete", autocomplete) + Attr("inputmode", inputMode) + " spellcheck=\"false\"" + Described(id, hint, errors) + ">");

    public static string TextArea(string id, string label, string? value, FormErrors errors, string? hint = null, int rows = 5) =>
        Group(id, label, hint, errors,
            $"<textarea class=\"textarea{(errors.For(id) is null ? "" : " textarea--error")}\" id=\"{id}\" name=\"{id}\" rows=\"{rows}\"" + Described(id, hint, errors) + $">{E(value)}</textarea>");

    public static string FileInput(string id, string label, FormErrors errors, string hint) =>
        Group(id, label, hint, errors,
            $"<input class=\"file-upload\" id=\"{id}\" name=\"{id}\" type=\"file\" multiple accept=\".pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain\"" + Described(id, hint, errors) + ">");

    public static string Radios(string id, string legend, IReadOnlyList<(string Value, string Label)> options, string? selected, FormErrors errors, string? hint = null)
    {
        var error = errors.For(id);
        var items = Join(options.Select((o, i) =>
        {
            var inputId = i == 0 ? id : $"{id}-{i + 1}";
            return $"<div class=\"radios-item\"><input class=\"radios-input\" id=\"{inputId}\" name=\"{id}\" type=\"radio\" value=\"{E(o.Value)}\"{(o.Value == selected ? " checked" : "")}>" +
                $"<label class=\"label radios-label\" for=\"{inputId}\">{E(o.Label)}</label></div>";
        }));
        return $"<div class=\"form-group{(error is null ? "" : " form-group--error")}\"><fieldset class=\"fieldset\"{Described(id, hint, errors)}>" +
            $"<legend class=\"fieldset-legend\">{E(legend)}</legend>" +
            (hint is null ? "" : $"<div class=\"hint\" id=\"{id}-hint\">{E(hint)}</div>") +
            (error is null ? "" : $"<p class=\"error-message\" id=\"{id}-error\"><span class=\"visually-hidden\">Error:</span> {E(error)}</p>") +
            $"<div class=\"radios\">{items}</div></fieldset></div>";
    }

    public static string Button(string text, string? name = null, string? value = null, bool secondary = false) =>
        $"<button type=\"submit\" class=\"button{(secondary ? " button--secondary" : "")}\" data-prevent-double-click=\"true\"{Attr("name", name)}{Attr("value", value)}>{E(text)}</button>";

    public static string Antiforgery(string fieldName, string token) => $"<input type=\"hidden\" name=\"{E(fieldName)}\" value=\"{E(token)}\">";

    private static string Group(string id, string label, string? hint, FormErrors errors, string control)
    {
        var error = errors.For(id);
        return $"<div class=\"form-group{(error is null ? "" : " form-group--error")}\">" +
            $"<label class=\"label\" for=\"{id}\">{E(label)}</label>" +
            (hint is null ? "" : $"<div class=\"hint\" id=\"{id}-hint\">{E(hint)}</div>") +
            (error is null ? "" : $"<p class=\"error-message\" id=\"{id}-error\"><span class=\"visually-hidden\">Error:</span> {E(error)}</p>") +
            control + "</div>";
    }

    private static string Described(string id, string? hint, FormErrors errors)
    {
        var ids = new List<string>();
        if (hint is not null)
        {
            ids.Add(id + "-hint");
        }

        if (errors.For(id) is not null)
        {
            ids.Add(id + "-error");
        }

        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }
}
