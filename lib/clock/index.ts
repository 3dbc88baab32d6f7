export { now, demoClock, setClockForTests, type DemoClock } from "./clock";
export * from "./paris-date";
