using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Projects;

/// <summary>The account already has a project with the requested id.</summary>
public sealed record ProjectExists(string ProjectId) : Conflict("project-exists", $"The account already has a project '{ProjectId}'.");
