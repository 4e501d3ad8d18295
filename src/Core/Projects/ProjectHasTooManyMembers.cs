using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Projects;

/// <summary>The project holds <see cref="Project.MaxMembers"/> grants already (deleting it must fit one transaction).</summary>
public sealed record ProjectHasTooManyMembers() : Conflict("project-members-limit", $"A project can be shared with at most {Project.MaxMembers} members.");
