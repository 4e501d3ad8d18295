using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Invitations;

/// <summary>Refuses start-up with a limit that would switch invitations off or is not a number of emails.</summary>
public sealed class InvitationLimitOptionsValidation : IValidateOptions<InvitationLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, InvitationLimitOptions options)
    {
        var failures = new List<string>();
        Check(failures, options.PerAccountPerHour, "Invitations:PerAccountPerHour", 1, 10_000);
        Check(failures, options.PerRecipientPerDay, "Invitations:PerRecipientPerDay", 1, 1_000);
        Check(failures, options.ResendsPerInvitationPerDay, "Invitations:ResendsPerInvitationPerDay", 1, 100);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, int value, string key, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} must be between {min} and {max} (it is {value}).");
        }
    }
}
