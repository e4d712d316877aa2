export { DEMO, enrollBuiltInInstructor, seedCourseContent, seedDemo, seedDemoAccounts, type DemoContent, type DemoExercise, type DemoLesson } from "./demo.ts";
export { EXERCISES_DIR, loadDemoContent, readExerciseSnapshots } from "./content.ts";
