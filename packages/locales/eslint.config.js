export { default } from "@course/config/eslint";
