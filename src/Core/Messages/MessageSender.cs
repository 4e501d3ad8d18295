using CustomerFunctions.Core.Auth;

namespace CustomerFunctions.Core.Messages;

/// <summary>Who sent a message (the impersonator too, should one ever send).</summary>
public sealed record MessageSender(string UserId, string? Name, string? ImpersonatedBy = null)
{
    public static MessageSender Of(Caller caller) => new(caller.UserId, caller.Name, caller.ImpersonatedBy);
}
