namespace Kfp.Api.Models;

/// <summary>
/// KFP parses cron with a leading seconds field (<c>sec min hour dom month dow</c>) and reads a classic 5-field
/// string seconds-first, so <c>*/5 * * * *</c> would fire every 5 seconds. <see cref="ToKfp"/> turns standard
/// 5-field cron into KFP's 6-field form; 6-field strings and descriptors (<c>@daily</c>, <c>@every 1h</c>) pass unchanged.
/// </summary>
public static class KfpCron
{
    public static string ToKfp(string cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var trimmed = cron.Trim();
        if (trimmed.StartsWith('@'))
        {
            return trimmed;
        }
        var fields = trimmed.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return fields.Length switch
        {
            5 => "0 " + string.Join(' ', fields),
            6 => string.Join(' ', fields),
            _ => throw new ArgumentException(
                $"The cron schedule '{cron}' has {fields.Length} fields; use 5 (minute hour day-of-month month day-of-week) or KFP's 6 (seconds first).",
                nameof(cron)),
        };
    }
}
