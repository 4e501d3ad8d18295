namespace CustomerFunctions.Core.Projects;

/// <summary>A project of a customer account: the unit its quota counts and its employees are given access to.</summary>
public sealed record Project(string Id, string Name, DateTimeOffset CreatedAt, string CreatedBy)
{
    /// <summary>
    /// Deleting a project removes its access rows in the same transaction as the project row, so a project may have
    /// at most this many grants (the rest of the 100-row transaction holds the profile, the former-project row, the
    /// event, the outbox rows and a stored answer).
    /// </summary>
    public const int MaxMembers = 90;
}
