namespace CustomerFunctions.Core.Members;

/// <summary>A JSON merge patch of a member: the contact name, the address emails go to, the language of their emails (null: the account's).</summary>
public sealed record UpdateMemberBody(string? Name, string? Email, string? Language);
