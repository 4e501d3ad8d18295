using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Email;

/// <summary>Checks the email settings at start-up, so a missing setting stops the host with a clear message.</summary>
public sealed class EmailOptionsValidation : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        switch (options.Provider.ToLowerInvariant())
        {
            case "pickup":
                Require(failures, options.PickupDirectory, "Email:PickupDirectory");
                if (!options.IsDevelopment)
                {
                    // Outside Development nobody reads that folder: every email would be lost without a trace.
                    failures.Add("Email:Provider 'pickup' (the default) only writes files and is allowed only in Development: set Email:Provider to 'acs' or 'smtp'.");
                }
                break;
            case "smtp":
                Require(failures, options.Smtp.Host, "Email:Smtp:Host");
                Require(failures, options.FromAddress, "Email:FromAddress");
                if (options.Smtp.Port is < 1 or > 65535)
                {
                    failures.Add("Email:Smtp:Port must be between 1 and 65535.");
                }
                if (string.IsNullOrEmpty(options.Smtp.UserName) != string.IsNullOrEmpty(options.Smtp.Password))
                {
                    failures.Add("Email:Smtp:UserName and Email:Smtp:Password go together: set both or neither.");
                }
                break;
            case "acs":
                var acs = options.Acs;
                var (endpoint, key) = acs.Resolve();
                if (endpoint is null)
                {
                    failures.Add("Email:Provider is 'acs' but Email:Acs:Endpoint (or Email:Acs:ConnectionString) is missing or not an absolute http(s) URL.");
                }
                if (!acs.UseManagedIdentity && key is null)
                {
                    failures.Add("Email:Provider is 'acs': set Email:Acs:AccessKey (or Email:Acs:ConnectionString), or Email:Acs:UseManagedIdentity=true.");
                }
                if (key is not null && !IsBase64(key))
                {
                    failures.Add("Email:Acs:AccessKey is not base64.");
                }
                Require(failures, acs.SenderAddress, "Email:Acs:SenderAddress");
                if (acs.MaxAttempts < 1)
                {
                    failures.Add("Email:Acs:MaxAttempts must be at least 1.");
                }
                break;
            default:
                failures.Add($"Email:Provider must be 'pickup', 'smtp' or 'acs', not '{options.Provider}'.");
                break;
        }
        if (options.RateLimit < 0 || options.RateWindow <= TimeSpan.Zero)
        {
            failures.Add("Email:RateLimit must be 0 (no limit) or more, and Email:RateWindow positive.");
        }
        if (options.Budget < 0 || options.BudgetWindow <= TimeSpan.Zero)
        {
            failures.Add("Email:Budget must be 0 (no budget) or more, and Email:BudgetWindow positive.");
        }
        if (options.Budget > 0 && (options.NoticeReserve < 0 || options.NoticeReserve >= options.Budget))
        {
            failures.Add("Email:NoticeReserve must be at least 0 and less than Email:Budget, so notices can be sent at all.");
        }
        if (options.MaxAttempts < 1)
        {
            failures.Add("Email:MaxAttempts must be at least 1.");
        }
        if (options.SendLease <= TimeSpan.Zero)
        {
            failures.Add("Email:SendLease must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is required for Email:Provider.");
        }
    }

    private static bool IsBase64(string value) => Convert.TryFromBase64String(value, new byte[value.Length], out _);
}
