using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Members;

/// <summary>The change would leave the account without an admin.</summary>
public sealed record LastAdmin() : Conflict("last-admin", "This is the account's last admin: make another member an admin first.");
