global using Xunit;
global using EducationHub.Testing.Events;
global using EducationHub.Testing.Time;
